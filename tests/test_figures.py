"""Figures found in drafts, posts and articles: counts, times and dates tied to fact keys."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from spokes.core.figures import (
    DEFAULT_VOCABULARY,
    Figure,
    Vocabulary,
    extract,
    fold,
    normalise,
    parse_number,
)

pytestmark = pytest.mark.no_database  # pure functions: no database is ever opened


def summary(text: str, vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> list[tuple[object, ...]]:
    return [(f.kind, f.key, f.value) for f in extract(text, vocabulary)]


def plain(text: str) -> str:
    """The text as typed on a keyboard without Vietnamese input: no diacritics, "đ" as "d"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --- counts -----------------------------------------------------------------------------------

LANDSLIDE = "Vụ sạt lở làm 3 người chết và 5 người bị thương"
SPOKEN = "hai người tử vong, năm người bị thương"


def test_counts_are_tied_to_their_nouns() -> None:
    assert summary(LANDSLIDE) == [("count", "deaths", 3), ("count", "injured", 5)]


def test_counts_in_words() -> None:
    assert summary(SPOKEN) == [("count", "deaths", 2), ("count", "injured", 5)]


def test_figure_text_and_span() -> None:
    deaths, injured = extract(LANDSLIDE)
    assert deaths.text == "3 người chết"
    assert injured.text == "5 người bị thương"
    assert LANDSLIDE[deaths.start : deaths.end] == deaths.text
    assert extract(SPOKEN)[0].text == "hai người tử vong"


@pytest.mark.parametrize("text", [LANDSLIDE, SPOKEN, "Vụ việc xảy ra lúc 13h10 ngày 29/11/2026"])
def test_without_diacritics_and_in_nfd_the_figures_are_the_same(text: str) -> None:
    expected = [(f.kind, f.key, f.value, f.start, f.end) for f in extract(text)]
    for variant in (plain(text), unicodedata.normalize("NFD", text)):
        found = extract(variant)
        assert [(f.kind, f.key, f.value, f.start, f.end) for f in found] == expected
        nfc = normalise(variant)
        assert all(nfc[f.start : f.end] == f.text for f in found)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("1 người mất tích", "missing", 1),
        ("12 hộ phải di dời", "evacuated", 12),
        ("hơn 100 hộ dân đã được sơ tán", "evacuated", 100),
        ("1.500 hộ phải sơ tán", "evacuated", 1500),
        ("4 ngôi nhà bị hư hại", "houses_damaged", 4),
        ("3 dead", "deaths", 3),
        ("two injured", "injured", 2),
        ("5 people were injured", "injured", 5),
        ("12 households evacuated", "evacuated", 12),
        ("4 houses damaged", "houses_damaged", 4),
        ("Số người chết: 2", "deaths", 2),
        ("Deaths: 2", "deaths", 2),
        ("số người bị thương là 5", "injured", 5),
        ("Injured: 5 people", "injured", 5),
        ("Số người chết đã tăng lên 5", "deaths", 5),
        ("The death toll has risen to 5.", "deaths", 5),
        ("Vụ cháy làm chết 3 người", "deaths", 3),
        ("killing at least three people", "deaths", 3),
        ("mười lăm người bị thương", "injured", 15),
        ("hai mươi mốt người chết", "deaths", 21),
        ("một trăm linh năm hộ sơ tán", "evacuated", 105),
        ("twenty-one people were evacuated", "evacuated", 21),
        ("one hundred and five households relocated", "evacuated", 105),
    ],
)
def test_count_forms(text: str, key: str, value: int) -> None:
    assert summary(text) == [("count", key, value)]
    assert summary(plain(text)) == [("count", key, value)]


def test_a_statement_takes_its_label_into_the_figure() -> None:
    (figure,) = extract("Số người chết: 2")
    assert figure.text == "Số người chết: 2"
    (figure,) = extract("Injured: 5 people")
    assert figure.text == "Injured: 5 people"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("không có người chết", "deaths"),
        ("không có ai bị thương", "injured"),
        ("no deaths were reported", "deaths"),
        ("No one was killed", "deaths"),
        ("nobody was hurt", "injured"),
    ],
)
def test_zero_counts(text: str, key: str) -> None:
    assert summary(text) == [("count", key, 0)]


@pytest.mark.parametrize(
    "text",
    [
        "Anh ấy không bị thương",  # he was not injured: no count
        "Việt Nam bị thương",  # "Nam" is not "năm"
        "Viet Nam bi thuong",
        "nó bị thương",  # "nó" is not "no"
        "một số người bị thương",  # "some people"
        "người thứ 3 tử vong",  # the third person
        "chết 3",
    ],
)
def test_words_that_only_look_like_counts(text: str) -> None:
    assert summary(text) == []


def test_a_number_with_people_but_no_key_is_an_untied_count() -> None:
    assert summary("3 người đã được đưa đi cấp cứu") == [("count", None, 3)]


def test_a_custom_count_key() -> None:
    vocabulary = DEFAULT_VOCABULARY.with_custom(counts={"trees_down": ["cây đổ", "trees down"]})
    assert summary("12 cây đổ", vocabulary) == [("count", "trees_down", 12)]
    assert summary("12 cay do", vocabulary) == [("count", "trees_down", 12)]
    assert summary("12 trees down", vocabulary) == [("count", "trees_down", 12)]
    assert summary("12 cây đổ") == []  # the default vocabulary is left alone
    assert "trees_down" not in DEFAULT_VOCABULARY.counts
    assert vocabulary.counts["deaths"] == DEFAULT_VOCABULARY.counts["deaths"]


def test_custom_words_for_an_existing_key_add_to_it() -> None:
    vocabulary = DEFAULT_VOCABULARY.with_custom(counts={"deaths": ["bỏ mạng"]})
    assert summary("3 người bỏ mạng", vocabulary) == [("count", "deaths", 3)]
    assert summary("3 người chết", vocabulary) == [("count", "deaths", 3)]


def test_a_custom_time_key() -> None:
    vocabulary = DEFAULT_VOCABULARY.with_custom(times={"press_at": ["họp báo"]})
    assert summary("Họp báo lúc 15h", vocabulary) == [("time", "press_at", (15, 0))]


STATEMENT_VI = """\
2. Thời điểm xảy ra: 13 giờ 10 phút ngày 29/11/2026
4. Thiệt hại về người:
   - Số người chết: 2
   - Số người mất tích: đang xác minh
   - Số hộ phải di dời: 12
   - Số cây đổ: 30
5. Nguyên nhân: mưa lớn kéo dài
Thời điểm cập nhật tiếp theo: 17 giờ 00 phút ngày 29/11/2026
"""
STATEMENT_EN = """\
2. Occurred at: 13:10 on 29 November 2026
   - Deaths: 2
   - Missing: being verified
   - Houses damaged: 4
Next update: 17:00 on 29 November 2026
"""


def test_a_statement_as_the_program_writes_it() -> None:
    vocabulary = DEFAULT_VOCABULARY.with_custom(counts={"trees_down": ["cây đổ"]})
    assert summary(STATEMENT_VI, vocabulary) == [
        ("time", "occurred_at", (13, 10)),
        ("date", "occurred_at", (29, 11, 2026)),
        ("count", "deaths", 2),
        ("count", "evacuated", 12),
        ("count", "trees_down", 30),
        ("time", "next_update_at", (17, 0)),
        ("date", "next_update_at", (29, 11, 2026)),
    ]
    assert summary(STATEMENT_EN) == [
        ("time", "occurred_at", (13, 10)),
        ("date", "occurred_at", (29, 11, 2026)),
        ("count", "deaths", 2),
        ("count", "houses_damaged", 4),
        ("time", "next_update_at", (17, 0)),
        ("date", "next_update_at", (29, 11, 2026)),
    ]


def test_a_figure_never_spans_two_lines() -> None:
    assert summary("có 3 người\nchết") == [("count", None, 3)]
    assert summary("Vụ việc xảy ra\nlúc 13h10") == [("time", None, (13, 10))]


# --- times and dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13 giờ 10", (13, 10)),
        ("13 giờ 10 phút", (13, 10)),
        ("13 giờ", (13, 0)),
        ("13h10", (13, 10)),
        ("13h", (13, 0)),
        ("13:10", (13, 10)),
        ("1:10 pm", (13, 10)),
        ("1 pm", (13, 0)),
        ("12 am", (0, 0)),
        ("2 giờ chiều", (14, 0)),
        ("0h30", (0, 30)),
    ],
)
def test_times(text: str, value: tuple[int, int]) -> None:
    assert summary(text) == [("time", None, value)]
    (figure,) = extract(f"vào {text} hôm nay")
    assert figure.text == text


def test_time_and_date_tied_to_when_it_happened() -> None:
    assert summary("Vụ việc xảy ra lúc 13h10 ngày 29/11/2026") == [
        ("time", "occurred_at", (13, 10)),
        ("date", "occurred_at", (29, 11, 2026)),
    ]


def test_a_date_before_its_time_shares_the_key() -> None:
    assert summary("xảy ra ngày 29/11/2026 lúc 13h10") == [
        ("date", "occurred_at", (29, 11, 2026)),
        ("time", "occurred_at", (13, 10)),
    ]


def test_english_time_and_date() -> None:
    assert summary("The landslide occurred at 13:10 on 29 November 2026") == [
        ("time", "occurred_at", (13, 10)),
        ("date", "occurred_at", (29, 11, 2026)),
    ]


def test_an_english_report() -> None:
    text = (
        "The landslide happened on November 29 at about 1:10 p.m., killing at least three"
        " people and injuring 12 others. The next update will be at 5 pm."
    )
    assert summary(text) == [
        ("date", "occurred_at", (29, 11, None)),
        ("time", "occurred_at", (13, 10)),
        ("count", "deaths", 3),
        ("count", "injured", 12),
        ("time", "next_update_at", (17, 0)),
    ]
    assert [f.text for f in extract(text)][-1] == "5 pm"  # the full stop is the sentence's


def test_next_update() -> None:
    assert summary("Thông tin sẽ được cập nhật lúc 17 giờ") == [("time", "next_update_at", (17, 0))]


def test_the_nearest_tying_word_wins() -> None:
    assert summary("Vụ việc xảy ra lúc 13h10, thông tin sẽ được cập nhật lúc 17 giờ") == [
        ("time", "occurred_at", (13, 10)),
        ("time", "next_update_at", (17, 0)),
    ]


def test_a_tying_word_in_another_sentence_does_not_tie() -> None:
    assert summary("Vụ việc đã xảy ra. Họp báo lúc 15h") == [("time", None, (15, 0))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("29/11/2026", (29, 11, 2026)),
        ("29/11", (29, 11, None)),
        ("29-11-2026", (29, 11, 2026)),
        ("ngày 29 tháng 11", (29, 11, None)),
        ("ngày 29 tháng 11 năm 2026", (29, 11, 2026)),
        ("29 November 2026", (29, 11, 2026)),
        ("November 29, 2026", (29, 11, 2026)),
        ("29 Nov", (29, 11, None)),
        ("29/2/2024", (29, 2, 2024)),
    ],
)
def test_dates(text: str, value: tuple[int, int, int | None]) -> None:
    assert summary(text) == [("date", None, value)]
    assert extract(text)[0].text == text


def test_the_parts_of_a_date_are_not_counts() -> None:
    assert summary("ngày 29 tháng 11 năm 2026 có 3 người chết") == [
        ("date", None, (29, 11, 2026)),
        ("count", "deaths", 3),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "năm 2026",
        "Quyết định số 12/QĐ-UBND",
        "25:99",
        "32/13/2026",
        "29/2/2025",
        "31/4",
        "trong 24 giờ qua",
        "3-5",
        "1/3 số hộ",
        "5 máy bơm",
        "vào năm 2020 người dân phải di dời",
    ],
)
def test_not_figures(text: str) -> None:
    assert extract(text) == []


# --- context ----------------------------------------------------------------------------------


def test_context_is_the_surrounding_words_on_one_line() -> None:
    text = (
        "Theo báo cáo của UBND tỉnh,\n\nvụ sạt lở đất nghiêm trọng   tại xã A đã làm "
        "3 người chết.\tLực lượng cứu hộ đang tiếp tục tìm kiếm những người còn mất liên lạc."
    )
    (figure,) = extract(text)
    assert figure.text == "3 người chết"
    assert "\n" not in figure.context and "\t" not in figure.context
    assert "  " not in figure.context
    assert "tại xã A đã làm 3 người chết. Lực lượng cứu hộ" in figure.context
    assert figure.context.startswith("…") and figure.context.endswith("…")
    words = figure.context.strip("…").split()
    assert all(word in text.split() for word in words)  # cut between words, never inside


def test_short_text_context_is_the_whole_text() -> None:
    (figure,) = extract("  3 dead  ")
    assert figure.context == "3 dead"


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("3", 3),
        ("99999", 99999),
        ("không", 0),
        ("một", 1),
        ("hai", 2),
        ("bốn", 4),
        ("tư", 4),
        ("năm", 5),
        ("mười", 10),
        ("mười một", 11),
        ("mười bốn", 14),
        ("mười lăm", 15),
        ("hai mươi", 20),
        ("hai mươi mốt", 21),
        ("hai mươi tư", 24),
        ("hai mươi lăm", 25),
        ("chín mươi chín", 99),
        ("một trăm", 100),
        ("một trăm linh năm", 105),
        ("hai trăm lẻ năm", 205),
        ("hai trăm mười", 210),
        ("hai nghìn", 2000),
        ("Hai Mươi Mốt", 21),
        ("hai muoi mot", 21),
        ("zero", 0),
        ("two", 2),
        ("twenty", 20),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("a hundred", 100),
        ("one hundred", 100),
        ("one hundred and five", 105),
        ("two thousand", 2000),
    ],
)
def test_parse_number(words: str, value: int) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "words",
    ["", "1.000", "100000", "-3", "3 người", "hai người", "nhiều", "mười năm", "a", "twenty-"],
)
def test_parse_number_refuses(words: str) -> None:
    assert parse_number(words) is None


VI_UNITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def spell_tens(n: int) -> str:
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{VI_UNITS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 1:
        last = "một" if tens == 1 else "mốt"
    elif unit == 5:
        last = "lăm"
    elif unit == 4 and tens > 1:
        last = "tư"
    else:
        last = VI_UNITS[unit]
    return f"{head} {last}"


def spell_vi(n: int, odd: str = "linh") -> str:
    """How a Vietnamese speaker writes 0..999 in words."""
    if n < 10:
        return VI_UNITS[n]
    if n < 100:
        return spell_tens(n)
    hundreds, rest = divmod(n, 100)
    head = f"{VI_UNITS[hundreds]} trăm"
    if rest == 0:
        return head
    if rest < 10:
        return f"{head} {odd} {VI_UNITS[rest]}"
    return f"{head} {spell_tens(rest)}"


EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell_en(n: int) -> str:
    if n < 20:
        return EN_ONES[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return EN_TENS[tens] + (f"-{EN_ONES[unit]}" if unit else "")
    hundreds, rest = divmod(n, 100)
    return f"{EN_ONES[hundreds]} hundred" + (f" and {spell_en(rest)}" if rest else "")


@given(st.integers(0, 999), st.sampled_from(["linh", "lẻ"]))
@example(105, "linh")
def test_vietnamese_words_round_trip(n: int, odd: str) -> None:
    words = spell_vi(n, odd)
    assert parse_number(words) == n
    assert parse_number(plain(words)) == n
    assert parse_number(unicodedata.normalize("NFD", words)) == n


@given(st.integers(0, 999))
def test_english_words_round_trip(n: int) -> None:
    assert parse_number(spell_en(n)) == n
    assert parse_number(spell_en(n).replace("-", " ").upper()) == n


@given(st.integers(0, 99999))
def test_digits_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n


@given(st.integers(2, 999))
def test_counts_in_words_round_trip(n: int) -> None:
    text = f"Lũ làm {spell_vi(n)} người bị thương"
    assert summary(text) == [("count", "injured", n)]
    assert summary(plain(text)) == [("count", "injured", n)]


# --- text forms -------------------------------------------------------------------------------


@given(st.text())
@example("İstanbul ǅ 가 x\u0303 Đà Nẵng")
def test_fold_keeps_the_length_of_the_nfc_text(text: str) -> None:
    assert len(fold(text)) == len(normalise(text))
    assert fold(normalise(text)) == fold(text)


def test_fold() -> None:
    assert fold("Đà Nẵng, NGƯỜI chết") == "da nang, nguoi chet"
    assert fold(unicodedata.normalize("NFD", "tử vong")) == "tu vong"
    assert normalise(unicodedata.normalize("NFD", "tử vong")) == "tử vong"


@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 :/.-hgiờngàyháto3người chếtNov,")), max_size=80
    )
)
def test_extract_never_breaks_and_spans_index_the_nfc_text(text: str) -> None:
    figures = extract(text)
    nfc = normalise(text)
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    for figure in figures:
        assert isinstance(figure, Figure)
        assert nfc[figure.start : figure.end] == figure.text
        assert "\n" not in figure.context


def test_vocabulary_is_read_only_and_hashable() -> None:
    with pytest.raises(TypeError):
        DEFAULT_VOCABULARY.counts["deaths"] = ()  # type: ignore[index]
    assert hash(DEFAULT_VOCABULARY) == hash(DEFAULT_VOCABULARY.with_custom())
    assert DEFAULT_VOCABULARY.with_custom() == DEFAULT_VOCABULARY
    one = Vocabulary(counts={"a": ["x"], "b": ["y"]}, times={})
    other = Vocabulary(counts={"b": ("y",), "a": ("x",)}, times={})
    assert one == other and hash(one) == hash(other)


def test_long_runs_of_spaces_and_many_figures_stay_correct() -> None:
    spaces = " " * 20_000
    assert summary(f"ngày 1 tháng 1{spaces}x") == [("date", None, (1, 1, None))]
    assert summary(f"Deaths:{spaces}2") == [("count", "deaths", 2)]
    article = "Vụ việc xảy ra lúc 13h10 ngày 29/11/2026, làm 3 người chết. " * 1000
    assert len(extract(article)) == 3000


# --- units of a count -------------------------------------------------------------------------


def units(text: str) -> list[tuple[object, ...]]:
    return [(f.key, f.value, f.unit) for f in extract(text)]


@pytest.mark.parametrize(
    ("text", "key", "value", "unit"),
    [
        ("45 people were evacuated", "evacuated", 45, "person"),
        ("Đã di dời 45 nhân khẩu", "evacuated", 45, "person"),
        ("45 residents were relocated", "evacuated", 45, "person"),
        ("3 cháu bị thương", "injured", 3, "person"),
        ("5 em học sinh bị thương", "injured", 5, "person"),
        ("Số người chết: 2", "deaths", 2, "person"),
        ("bị thương 5 người", "injured", 5, "person"),
        ("12 hộ phải di dời", "evacuated", 12, "household"),
        ("hơn 100 hộ dân đã được sơ tán", "evacuated", 100, "household"),
        ("Số hộ phải di dời: 12", "evacuated", 12, "household"),
        ("Households evacuated: 12", "evacuated", 12, "household"),
        ("12 families relocated", "evacuated", 12, "household"),
        ("sơ tán 12 hộ dân", "evacuated", 12, "household"),
        ("4 ngôi nhà bị hư hại", "houses_damaged", 4, "house"),
        ("3 căn nhà bị sập", "houses_damaged", 3, "house"),
        ("Số nhà bị hư hại: 4", "houses_damaged", 4, "house"),
        ("4 houses damaged", "houses_damaged", 4, "house"),
        ("Deaths: 2", "deaths", 2, None),
        ("3 dead", "deaths", 3, None),
        ("3 trường hợp tử vong", "deaths", 3, None),
    ],
)
def test_the_unit_of_a_count_is_the_noun_written_with_it(
    text: str, key: str, value: int, unit: str | None
) -> None:
    assert units(text) == [(key, value, unit)]
    assert units(plain(text)) == [(key, value, unit)]


def test_people_and_households_in_one_sentence_are_told_apart() -> None:
    text = "Đã di dời 12 hộ dân, 45 nhân khẩu đến nơi an toàn"
    assert units(text) == [("evacuated", 12, "household"), (None, 45, "person")]


def test_times_and_dates_have_no_unit_and_are_not_partial() -> None:
    for figure in extract("Vụ việc xảy ra khoảng 13h10 ngày 29/11/2026"):
        assert figure.unit is None and figure.partial is False


def test_figure_keeps_its_positional_constructor() -> None:
    figure = Figure("count", "deaths", 3, 0, 12, "3 người chết", "3 người chết")
    assert (figure.unit, figure.partial) == (None, False)
    named = Figure("count", "deaths", 3, 0, 3, "3", "3", unit="person", partial=True)
    assert (named.unit, named.partial) == ("person", True)


# --- partial counts ---------------------------------------------------------------------------


def parts(text: str) -> list[tuple[object, ...]]:
    return [(f.key, f.value, f.partial) for f in extract(text)]


def test_serious_and_minor_injuries_are_parts_of_the_injured() -> None:
    text = "1 người bị thương nặng, 4 người bị thương nhẹ"
    assert parts(text) == [("injured", 1, True), ("injured", 4, True)]
    assert parts(plain(text)) == [("injured", 1, True), ("injured", 4, True)]
    assert [f.text for f in extract(text)] == ["1 người bị thương nặng", "4 người bị thương nhẹ"]


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("5 người bị thương, trong đó 2 người bị thương nặng", "injured", 2),
        ("trong số đó có 2 người chết", "deaths", 2),
        ("trong đó, 2 người chết", "deaths", 2),
        ("ít nhất 3 người chết", "deaths", 3),
        ("hơn 100 hộ dân đã được sơ tán", "evacuated", 100),
        ("khoảng 50 hộ phải di dời", "evacuated", 50),
        ("gần 20 người bị thương", "injured", 20),
        ("Số người chết đã tăng lên hơn 5", "deaths", 5),
        ("Số người bị thương nặng: 1", "injured", 1),
        ("bị thương nhẹ 4 người", "injured", 4),
        ("2 people were seriously injured", "injured", 2),
        ("3 critically injured", "injured", 3),
        ("5 people slightly injured", "injured", 5),
        ("2 minor injuries", "injured", 2),
        ("Seriously injured: 2", "injured", 2),
        ("of whom 2 were injured", "injured", 2),
        ("including 3 children killed", "deaths", 3),
        ("killing at least three people", "deaths", 3),
        ("more than 100 households were evacuated", "evacuated", 100),
        ("about 50 families evacuated", "evacuated", 50),
        ("nearly 20 people were injured", "injured", 20),
        ("some 300 households were evacuated", "evacuated", 300),
    ],
)
def test_qualified_counts_are_partial(text: str, key: str, value: int) -> None:
    assert parts(text)[-1] == (key, value, True)
    assert parts(plain(text))[-1] == (key, value, True)


@pytest.mark.parametrize(
    "text",
    [
        LANDSLIDE,
        SPOKEN,
        "Số người chết: 2",
        "Deaths: 2",
        "The death toll has risen to 5.",
        "5 người bị thương, trong đó có trẻ em",
        "3 người bị thương nhé",  # "nhé" is a particle, not "nhẹ"
    ],
)
def test_exact_counts_are_not_partial(text: str) -> None:
    figures = extract(text)
    assert figures and not any(f.partial for f in figures)


def test_a_qualifier_of_the_previous_figure_does_not_carry_over() -> None:
    assert parts("ít nhất 3 người chết, 5 người bị thương") == [
        ("deaths", 3, True),
        ("injured", 5, False),
    ]


# --- texts partly typed without diacritics ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ba người chết, 5 nguoi bi thuong", [("deaths", 3), ("injured", 5)]),
        ("ba người chết và 5 nguoi bi thuong", [("deaths", 3), ("injured", 5)]),
        ("3 nguoi chết", [("deaths", 3)]),
        ("hai người tử vong; nam nguoi bi thuong", [("deaths", 2), ("injured", 5)]),
        ("Vụ việc xảy ra lúc 13 gio 10", [("occurred_at", (13, 10))]),
    ],
)
def test_a_text_partly_typed_without_diacritics(text: str, expected: list[object]) -> None:
    assert [(f.key, f.value) for f in extract(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Việt Nam bi thuong",  # a plain number word in a clause with diacritics stays a name
        "Viet Nam bị thương",
        "Bà nguoi chet",  # a word typed with diacritics is held to its spelling
        "thiệt hại nguoi bi thuong",
        "nổ ai bi thuong",
    ],
)
def test_mixed_texts_keep_their_false_friends_apart(text: str) -> None:
    assert summary(text) == []


def test_a_count_with_a_noun_but_no_key_is_kept_untied() -> None:
    assert units("4 ngôi nhà bị cuốn trôi") == [(None, 4, "house")]
    assert units("3 houses were swept away") == [(None, 3, "house")]
    assert units("5 nguoi, Việt Nam") == [(None, 5, "person")]


def test_a_long_mixed_article_is_read_whole() -> None:
    # Its speed is measured by tests/perf/bench_statements.py, not timed here.
    sentence = "Lúc 13h10 ngày 29/11/2026 có hơn 10 nguoi bi thuong nặng và 3 người chết. "
    article = sentence * (120_000 // len(sentence.encode()))
    found = extract(article)
    assert len(found) == 4 * article.count("Lúc")
