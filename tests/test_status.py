"""``spokes status``: open incidents by time left, counts per state, no colour in a pipe."""

from __future__ import annotations

from tests.conftest import Run


def open_at(run: Run, title: str, unit: str, occurred: str) -> None:
    result = run("incident", "open", title, "--unit", unit, "--occurred", occurred)
    assert result.exit_code == 0, result


def test_sorted_by_time_left_with_counts(tan_uyen: Run) -> None:
    open_at(tan_uyen, "Cháy rừng", "phuc-khoa", "13:40")  # 0001: 1 h 40 left, pending
    open_at(tan_uyen, "Sạt lở", "phuc-khoa", "11:50")  # 0002: overdue 10 min
    open_at(tan_uyen, "Lũ quét", "ho-mit", "12:20")  # 0003: 20 min left, at risk
    open_at(tan_uyen, "Tai nạn", "cong-an", "12:00")  # 0004: informed on time
    tan_uyen("incident", "inform", "2026-0004", "--at", "13:00")
    status = tan_uyen("status", "--json").json()
    assert [item["id"] for item in status["incidents"]] == [
        "2026-0002",
        "2026-0003",
        "2026-0001",
        "2026-0004",
    ]
    assert [item["clock"] for item in status["incidents"]] == [
        "overdue",
        "at_risk",
        "pending",
        "met",
    ]
    assert status["counts"] == {"overdue": 1, "at_risk": 1, "pending": 1, "late": 0, "met": 1}
    assert status["now"] == "2026-11-29T14:00:00+07:00"


def test_text_table_english_and_vietnamese(tan_uyen: Run) -> None:
    open_at(tan_uyen, "Sạt lở đất", "phuc-khoa", "13:05")  # 1 h 05 min left
    open_at(tan_uyen, "Đá lăn", "ho-mit", "11:00")  # overdue by 1 h
    english = tan_uyen("status").stdout
    assert "Incidents at 29 Nov 2026 14:00 (UTC+07:00)" in english
    assert "1 h 05 min" in english
    assert "1 h 00 min ago" in english
    assert "NO SPOKESPERSON" in english
    assert "0912 000 108" in english
    assert "\x1b[" not in english  # not a terminal: no colour codes
    vietnamese = tan_uyen("--lang", "vi", "status").stdout
    assert "Tình hình sự việc lúc 14:00 ngày 29/11/2026 (UTC+07:00)" in vietnamese
    assert "1 giờ 05 phút" in vietnamese
    assert "quá hạn 1 giờ 00 phút" in vietnamese
    assert "QUÁ HẠN 1" in vietnamese
    assert "CHƯA CÓ NGƯỜI PHÁT NGÔN" in vietnamese


def test_unit_filter_and_unknown_unit(tan_uyen: Run) -> None:
    open_at(tan_uyen, "Sạt lở đất", "phuc-khoa", "12:55")
    open_at(tan_uyen, "Đá lăn", "ho-mit", "11:00")
    only = tan_uyen("status", "--unit", "ho-mit", "--json").json()
    assert [item["lead_unit"] for item in only["incidents"]] == ["ho-mit"]
    bad = tan_uyen("status", "--unit", "ho-mi")
    assert bad.exit_code == 1
    assert "Did you mean 'ho-mit'?" in bad.stderr


def test_empty_status(run: Run) -> None:
    result = run("status")
    assert result.exit_code == 0
    assert "No open incidents." in result.stdout
    assert run("status", "--check").exit_code == 0
    assert run("status", "--json").json()["incidents"] == []


def test_colour_only_on_a_terminal() -> None:
    from spokes.render import table

    class Terminal:
        def isatty(self) -> bool:
            return True

    class Pipe:
        def isatty(self) -> bool:
            return False

    assert table.use_colour(Terminal()) is True  # type: ignore[arg-type]
    assert table.use_colour(Pipe()) is False  # type: ignore[arg-type]
    rendered = table.render([table.Column("A")], [["x"]], ["red"], colour=True)
    assert "\x1b[31mx\x1b[0m" in rendered


def test_no_color_env_wins(monkeypatch) -> None:
    from spokes.render import table

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    assert table.use_colour(Terminal()) is False  # type: ignore[arg-type]


def test_table_widths_count_vietnamese_letters_once() -> None:
    import unicodedata

    from spokes.render import table

    decomposed = unicodedata.normalize("NFD", "Phúc Khoa")
    assert table.width_of(decomposed) == table.width_of("Phúc Khoa") == 9
    assert table.cut("Sạt lở đất vùi lấp", 8) == "Sạt lở …"
    out = table.render(
        [table.Column("Tên", shrink=True), table.Column("X")],
        [["Sạt lở đất vùi lấp đường vào bản làng", "1"]],
        max_width=20,
    )
    assert max(table.width_of(line) for line in out.splitlines()) <= 20


def test_a_narrow_terminal_keeps_time_left_and_state(tan_uyen: Run) -> None:
    """At 80 columns the table leaves out occurred, phone, then unit, never the state."""
    from spokes.core.status import snapshot
    from spokes.render.incidents import incident_table
    from spokes.workspace import Workspace

    opened = tan_uyen(
        'incident open "Cháy nhà dân trong đêm tại bản Nà Khương" -u phuc-khoa --occurred 12:30'
    )
    assert opened.exit_code == 0, opened
    ws = Workspace.load()
    views = snapshot(ws.store, ws.config, ws.now()).views
    for width in (80, 200):
        text = incident_table(views, ws.now(), ws.tz, False, width)
        assert max(len(line) for line in text.splitlines()) <= width, text
        assert "at risk" in text and "30 min" in text
        assert ("0912 000 108" in text) == (width == 200)
    ws.close()


def column_starts(rule: str) -> list[int]:
    """Where each column starts, read from the rule under the header (``───  ──``)."""
    return [i for i, char in enumerate(rule) if char == "─" and (i == 0 or rule[i - 1] == " ")]


def test_every_header_stays_above_its_column_in_vietnamese(tan_uyen: Run) -> None:
    """A column shrunk below its header's width ("Người phát ngôn") cuts the header as it cuts
    the cells, so every column starts at the same place on every line."""
    from spokes import i18n
    from spokes.core.status import snapshot
    from spokes.render.incidents import incident_table
    from spokes.render.table import width_of
    from spokes.workspace import Workspace

    tan_uyen(
        "spokesperson assign ho-mit --name 'Nguyễn Thị Phương Thảo' --title 'Phó Chủ tịch'"
        " --phone '0912 000 109' --from '01/11/2026 08:00'"
    )
    for title, unit in (
        ("Cháy nhà dân trong đêm tại bản Nà Khương, xã Phúc Khoa", "phuc-khoa"),
        ("Lũ quét cuốn trôi cầu treo bản Hố Mít", "ho-mit"),
    ):
        open_at(tan_uyen, title, unit, "12:30")
    ws = Workspace.load()
    views = snapshot(ws.store, ws.config, ws.now()).views
    shrunk = False
    try:
        with i18n.speaking("vi"):
            for width in (80, 100):
                lines = incident_table(views, ws.now(), ws.tz, False, width).splitlines()
                header, rule, rows = lines[0], lines[1], lines[2:]
                starts = column_starts(rule)
                assert "Người phát" in header and "Tình trạng" in header
                shrunk |= "Người phát ngôn" not in header
                for line in [header, *rows]:
                    assert width_of(line) <= width, line
                    for start in starts[1:]:
                        # Two spaces before each column, and something at its start.
                        assert line[start - 2 : start] == "  ", (width, line)
                        assert line[start] != " " or line is not header, (width, line)
    finally:
        ws.close()
    assert shrunk  # the case this test is about did happen
