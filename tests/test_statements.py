"""Statements: drafted from the facts, approved for one fact version, issued once and only
by the lead unit's spokesperson, checked against the facts and what was already issued."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from spokes.core import drafting
from spokes.core.sms import measure
from tests.conftest import Run, open_test_store


@pytest.fixture
def landslide(tan_uyen: Run) -> Run:
    """An incident of Phúc Khoa (spokesperson Lù Thị Mai) with deaths 2 and injured 5."""
    run = tan_uyen
    opened = run(
        'incident open "Sạt lở đất tại bản Phiêng Lồm" -u phuc-khoa --occurred 13:10'
        " --involves cong-an"
    )
    assert opened.exit_code == 0, opened
    for args in (
        'fact set 2026-0001 summary "Sạt lở đất vùi lấp hai nhà dân"',
        "fact set 2026-0001 deaths 2",
        "fact set 2026-0001 injured 5",
    ):
        assert run(args).exit_code == 0
    return run


def drafted(run: Run, *args: str) -> dict:
    result = run("statement", "draft", "2026-0001", "--json", *args)
    assert result.exit_code == 0, result
    return result.json()


def approved(run: Run, *args: str) -> int:
    sid = drafted(run, *args)["id"]
    assert run(f"statement approve {sid} --by 'Chủ tịch xã'").exit_code == 0
    return sid


def statement(run: Run, sid: int) -> dict:
    return run(f"statement show {sid} --json").json()


# -- drafting -------------------------------------------------------------------------------


def test_draft_is_rendered_from_the_facts_and_records_their_version(landslide: Run) -> None:
    draft = drafted(landslide, "--lang", "vi")
    assert draft["state"] == "draft"
    assert draft["fact_version"] == 3
    assert draft["kind"] == "initial"  # nothing issued yet
    text = draft["text"]
    assert "THÔNG CÁO BÁO CHÍ" in text
    assert "Số người chết: 2" in text
    assert "Số người bị thương: 5" in text
    assert "13 giờ 10 phút ngày 29/11/2026" in text
    assert "Lù Thị Mai" in text  # no contact fact: the spokesperson is the contact
    # What is not known is said to be so, and listed.
    assert "Số người mất tích: đang xác minh" in text
    assert "missing" in draft["missing"]
    assert "cause" in draft["missing"]


def test_draft_lists_what_is_missing_in_the_users_language(landslide: Run) -> None:
    result = landslide("--lang vi statement draft 2026-0001")
    assert result.exit_code == 0, result
    assert "còn đang xác minh:" in result.stderr
    assert "Nguyên nhân" in result.stderr


def test_english_draft(landslide: Run) -> None:
    text = drafted(landslide, "--lang", "en")["text"]
    assert "PRESS RELEASE" in text
    assert "Deaths: 2" in text
    assert "13:10 on 29 November 2026" in text
    assert "being verified" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("channel", drafting.CHANNELS)
@pytest.mark.parametrize("kind", drafting.KINDS)
def test_a_built_in_template_for_every_kind_channel_and_language(
    landslide: Run, kind: str, channel: str, lang: str
) -> None:
    draft = drafted(landslide, "--kind", kind, "--channel", channel, "--lang", lang)
    text = draft["text"]
    assert "Sạt lở đất tại bản Phiêng Lồm" in text
    assert "None" not in text
    assert "{{" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_sms_says_whether_it_fits_one_message(landslide: Run) -> None:
    draft = drafted(landslide, "--channel", "sms", "--lang", "vi")
    assert draft["sms"]["encoding"] == "UCS-2"
    assert draft["sms"]["single_limit"] == 70
    assert draft["sms"]["parts"] == measure(draft["text"].strip()).parts > 1
    plain = landslide("statement draft 2026-0001 --channel sms --lang vi")
    assert "needs" in plain.stderr and "SMS parts" in plain.stderr


@pytest.mark.parametrize(
    ("text", "encoding", "parts"),
    [
        ("a" * 160, "GSM-7", 1),
        ("a" * 161, "GSM-7", 2),
        ("a" * 306, "GSM-7", 2),
        ("a" * 307, "GSM-7", 3),
        ("€" * 80, "GSM-7", 1),  # extension characters take two places
        ("€" * 81, "GSM-7", 2),
        ("ă" * 70, "UCS-2", 1),  # one Vietnamese letter makes the whole text UCS-2
        ("a" * 69 + "ế", "UCS-2", 1),
        ("a" * 70 + "ế", "UCS-2", 2),
        ("ế" * 134, "UCS-2", 2),
        ("ế" * 135, "UCS-2", 3),
    ],
)
def test_sms_parts(text: str, encoding: str, parts: int) -> None:
    size = measure(text)
    assert (size.encoding, size.parts) == (encoding, parts)


def test_misinformation_is_answered_by_a_correction(tan_uyen: Run) -> None:
    opened = tan_uyen(
        'incident open "Tin đồn vỡ đập thủy điện" -u phuc-khoa --category misinformation'
        " --source-url https://facebook.example/post/1 --platform Facebook --json"
    )
    assert opened.exit_code == 0, opened
    assert opened.json()["source_url"] == "https://facebook.example/post/1"
    assert opened.json()["platform"] == "Facebook"
    tan_uyen('fact set 2026-0001 summary "Đập thủy điện vẫn vận hành an toàn."')
    draft = drafted(tan_uyen, "--lang", "vi")
    assert draft["kind"] == "correction"
    assert "Facebook" in draft["text"]
    assert "https://facebook.example/post/1" in draft["text"]
    assert "Đập thủy điện vẫn vận hành an toàn." in draft["text"]


def test_second_statement_defaults_to_an_update(landslide: Run) -> None:
    sid = approved(landslide)
    assert landslide(f"statement issue {sid}").exit_code == 0
    assert drafted(landslide)["kind"] == "update"


# -- templates: the user's own, and the sandbox ---------------------------------------------


def test_a_user_template_overrides_the_built_in_one(landslide: Run, workspace: Path) -> None:
    folder = workspace / "templates"
    folder.mkdir()
    (folder / "press-release.vi.j2").write_text(
        "Tin của {{ incident.lead_unit }}: {{ f.deaths }} người chết, {{ f.cause }}.\n",
        encoding="utf-8",
    )
    draft = drafted(landslide, "--lang", "vi")
    assert draft["text"] == "Tin của UBND xã Phúc Khoa: 2 người chết, đang xác minh.\n"
    assert draft["missing"] == ["cause"]


def test_a_named_user_template(landslide: Run, workspace: Path) -> None:
    (workspace / "templates").mkdir()
    (workspace / "templates" / "ngan.vi.j2").write_text("{{ incident.id }}\n", encoding="utf-8")
    draft = drafted(landslide, "--lang", "vi", "--template", "ngan")
    assert draft["text"] == "2026-0001\n"
    assert draft["template"] == "ngan"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "may not do"),
        ("{{ f.__init__.__globals__ }}", "may not do"),
        ("{% include '/etc/passwd' %}", "no template"),
        ("{% include '../../etc/passwd' %}", "no template"),
        ("{{ nothing_here }}", "cannot be rendered"),
        ("{% if %}", "cannot be rendered"),
    ],
)
def test_templates_are_sandboxed(
    landslide: Run, refused, workspace: Path, body: str, expected: str
) -> None:
    (workspace / "templates").mkdir()
    (workspace / "templates" / "evil.en.j2").write_text(body, encoding="utf-8")
    refused("statement draft 2026-0001 --lang en --template evil", expected=expected)


@pytest.mark.parametrize(
    ("args", "expected", "code"),
    [
        ("statement draft 2026-0001 --kind rumour", "unknown kind 'rumour'", 1),
        ("statement draft 2026-0001 --channel fax", "unknown channel 'fax'", 1),
        ("statement draft 2026-0001 --template nope", "no template nope.en.j2", 1),
        ("statement draft 2026-0001 --lang fr", "unknown language 'fr'", 2),
        ("statement draft 2026-0042", "unknown incident", 1),
        ("statement show 99", "unknown statement '99'", 1),
        ("statement show abc", "not a statement number", 1),
    ],
)
def test_bad_draft_input(landslide: Run, refused, args: str, expected: str, code: int) -> None:
    refused(args, expected=expected, code=code)


# -- following the facts, editing, approval -------------------------------------------------


def test_an_unedited_draft_follows_the_facts(landslide: Run) -> None:
    sid = drafted(landslide, "--lang", "vi")["id"]
    result = landslide("fact set 2026-0001 deaths 3")
    assert f"rewritten: {sid}" in result.stdout
    after = statement(landslide, sid)
    assert "Số người chết: 3" in after["text"]
    assert after["fact_version"] == 4


@pytest.mark.parametrize("command", ["fact set 2026-0001 deaths 4", "fact unset 2026-0001 deaths"])
def test_with_json_the_rewritten_drafts_are_told_on_stderr(landslide: Run, command: str) -> None:
    sid = drafted(landslide, "--lang", "vi")["id"]
    result = landslide(f"{command} --json")
    assert result.exit_code == 0, result
    assert result.json()["incident"] == "2026-0001"  # stdout is the JSON alone
    assert f"rewritten: {sid}" in result.stderr


def test_an_edited_draft_keeps_its_text(landslide: Run, tmp_path: Path) -> None:
    sid = drafted(landslide)["id"]
    mine = tmp_path / "mine.txt"
    mine.write_text("Our own words: 2 dead.\n", encoding="utf-8")
    assert landslide(f"statement edit {sid} --text-file {mine}").exit_code == 0
    landslide("fact set 2026-0001 deaths 3")
    after = statement(landslide, sid)
    assert after["text"] == "Our own words: 2 dead.\n"
    assert after["edited"] is True


def test_statement_edit_in_the_editor(landslide: Run, tmp_path: Path) -> None:
    sid = drafted(landslide)["id"]
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text(encoding='utf-8') + 'Thêm một dòng.\\n', encoding='utf-8')\n",
        encoding="utf-8",
    )
    result = landslide(f"statement edit {sid}", env={"EDITOR": f"{sys.executable} {script}"})
    assert result.exit_code == 0, result
    assert statement(landslide, sid)["text"].endswith("Thêm một dòng.\n")


def test_editing_an_approved_statement_makes_it_a_draft_again(
    landslide: Run, tmp_path: Path
) -> None:
    sid = approved(landslide)
    mine = tmp_path / "mine.txt"
    mine.write_text("Changed.\n", encoding="utf-8")
    result = landslide(f"statement edit {sid} --text-file {mine}")
    assert "approved again" in result.stderr
    after = statement(landslide, sid)
    assert after["state"] == "draft"
    assert after["approved_by"] is None


def test_approval_pins_the_fact_version_and_goes_stale(landslide: Run) -> None:
    sid = approved(landslide)
    assert statement(landslide, sid)["state"] == "approved"
    assert statement(landslide, sid)["approved_version"] == 3
    changed = landslide("fact set 2026-0001 missing 1")
    assert f"statement(s) {sid}" in changed.stderr
    assert statement(landslide, sid)["state"] == "stale"
    # Approving again is what it takes.
    assert landslide(f"statement approve {sid} --by 'Chủ tịch xã'").exit_code == 0
    assert statement(landslide, sid)["state"] == "approved"


def test_a_statement_approved_before_a_fact_changed_cannot_be_issued(
    landslide: Run, refused
) -> None:
    sid = approved(landslide)
    landslide("fact set 2026-0001 missing 1")
    refused(f"statement issue {sid}", expected="approve it again")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("statement approve 1 --by ' '", "--by is empty"),
        ("statement approve 7 --by X", "unknown statement"),
    ],
)
def test_bad_approval(landslide: Run, refused, args: str, expected: str) -> None:
    drafted(landslide)
    refused(args, expected=expected)


def test_approving_twice_is_refused(landslide: Run, refused) -> None:
    sid = approved(landslide)
    refused(f"statement approve {sid} --by 'Chủ tịch xã'", expected="already approved")


# -- issue ----------------------------------------------------------------------------------


def test_issue_by_the_lead_spokesperson_stops_the_clock(landslide: Run) -> None:
    sid = approved(landslide)
    result = landslide(f"statement issue {sid} --at 14:00")
    assert result.exit_code == 0, result
    assert "Lù Thị Mai" in result.stdout
    assert "clock has stopped" in result.stdout
    incident = landslide("incident show 2026-0001 --json").json()
    assert incident["clock"] == "met"
    assert incident["initial_information_at"] == "2026-11-29T14:00:00+07:00"
    assert incident["initial_information"]["by"] == "Lù Thị Mai"
    assert statement(landslide, sid)["state"] == "issued"
    kinds = [event["kind"] for event in incident["events"]]
    assert "statement-issued" in kinds and "incident-informed" in kinds


def test_issue_of_a_draft_is_refused(landslide: Run, refused) -> None:
    sid = drafted(landslide)["id"]
    refused(f"statement issue {sid}", expected="it is not approved")


def test_issue_by_another_units_spokesperson_is_refused(landslide: Run, refused) -> None:
    landslide(
        "spokesperson assign ho-mit --name 'Vàng A Sử' --title 'Chủ tịch UBND xã'"
        " --phone '0912 000 109' --email vas@homit.example.vn --from '01/11/2026 08:00'"
    )
    sid = approved(landslide)
    refused(
        f"statement issue {sid} --by 'Vàng A Sử'",
        expected="Vàng A Sử speaks for ho-mit, not for the lead unit phuc-khoa",
    )


def test_issue_by_a_stranger_is_refused(landslide: Run, refused) -> None:
    sid = approved(landslide)
    refused(f"statement issue {sid} --by 'Người Lạ'", expected="neither the regular spokesperson")


def test_an_authorised_person_may_issue(landslide: Run) -> None:
    granted = landslide(
        "spokesperson authorize phuc-khoa --name 'Giàng A Páo' --from 13:00 --until 20:00"
        " --by 'Lù Thị Mai'"
    )
    assert granted.exit_code == 0, granted
    sid = approved(landslide)
    assert landslide(f"statement issue {sid} --by 'giàng a páo'").exit_code == 0


def test_override_issues_anyway_and_records_why(landslide: Run) -> None:
    sid = drafted(landslide)["id"]
    result = landslide(f"statement issue {sid} --by 'Người Lạ' --override 'Chủ tịch chỉ đạo'")
    assert result.exit_code == 0, result
    assert "issued despite" in result.stderr
    issued = statement(landslide, sid)
    assert issued["override_reason"] == "Chủ tịch chỉ đạo"
    events = landslide("incident show 2026-0001 --json").json()["events"]
    audit = next(event for event in events if event["kind"] == "statement-issued")
    assert audit["detail"]["override"] == "Chủ tịch chỉ đạo"
    assert len(audit["detail"]["overridden"]) == 2  # not approved, not the spokesperson


def test_a_statement_is_issued_once(landslide: Run, refused) -> None:
    sid = approved(landslide)
    assert landslide(f"statement issue {sid}").exit_code == 0
    refused(f"statement issue {sid}", expected="already issued")
    refused(f"statement issue {sid} --override again", expected="already issued")
    refused(f"statement approve {sid} --by X", expected="cannot change")


def test_concurrent_issue_gives_one_issue(landslide: Run, workspace: Path) -> None:
    sid = approved(landslide)
    env = {**os.environ, "SPOKES_HOME": str(workspace)}
    command = [sys.executable, "-m", "spokes", "statement", "issue", str(sid)]
    processes = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(6)
    ]
    codes = sorted(process.wait(timeout=60) for process in processes)
    assert codes == [0, 1, 1, 1, 1, 1]
    with closing(open_test_store(workspace)) as store:
        issued = store.scalar("SELECT COUNT(*) FROM events WHERE kind = 'statement-issued'")
    assert issued == 1


def test_a_text_that_contradicts_the_facts_is_not_issued(
    landslide: Run, refused, tmp_path: Path
) -> None:
    sid = drafted(landslide, "--lang", "vi")["id"]
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("Vụ sạt lở làm 3 người chết.\n", encoding="utf-8")
    landslide(f"statement edit {sid} --text-file {wrong}")
    landslide(f"statement approve {sid} --by 'Chủ tịch xã'")
    refused(f"statement issue {sid}", expected="contradict the fact sheet")


def test_changing_an_issued_figure_needs_a_correction(landslide: Run, refused) -> None:
    first = approved(landslide, "--lang", "vi")
    assert landslide(f"statement issue {first}").exit_code == 0
    landslide("fact set 2026-0001 deaths 3")
    update = approved(landslide, "--lang", "vi", "--kind", "update")
    refused(f"statement issue {update}", expected="must be of kind correction")
    correction = approved(landslide, "--lang", "vi", "--kind", "correction")
    assert landslide(f"statement issue {correction}").exit_code == 0


def test_issue_before_the_incident_occurred_is_refused(landslide: Run, refused) -> None:
    sid = approved(landslide)
    refused(f"statement issue {sid} --at 13:00", expected="before")


# -- the referral note ----------------------------------------------------------------------


def test_referral_points_to_the_single_focal_point(landslide: Run) -> None:
    note = landslide("statement refer 2026-0001 --unit cong-an --lang vi")
    assert note.exit_code == 0, note
    assert "Kính gửi: Công an huyện" in note.stdout
    assert "UBND xã Phúc Khoa" in note.stdout
    assert "Lù Thị Mai" in note.stdout
    assert "0912 000 108" in note.stdout
    assert "chưa có thông cáo nào" in note.stdout
    sid = approved(landslide)
    landslide(f"statement issue {sid} --at 14:00")
    after = landslide("statement refer 2026-0001 --unit cong-an --lang en --json").json()
    assert "published at 14:00 on 29 November 2026 in a press release" in after["text"]


def test_referral_to_the_lead_unit_is_refused(landslide: Run, refused) -> None:
    refused("statement refer 2026-0001 --unit phuc-khoa", expected="is the lead unit")


# -- the conflict check ---------------------------------------------------------------------


def check(run: Run, text: str, *args: str) -> tuple[int, dict]:
    result = run("statement", "check", "2026-0001", "-", "--json", *args, input=text)
    return result.exit_code, (result.json() if result.stdout else {})


def test_the_acceptance_example_gives_one_conflict(landslide: Run) -> None:
    code, found = check(landslide, "Vụ sạt lở làm 3 người chết và 5 người bị thương")
    assert code == 3
    assert [(c["fact"], c["found"], c["expected"]) for c in found["conflicts"]] == [
        ("deaths", "3", "2")
    ]
    assert [(c["fact"], c["found"]) for c in found["confirmed"]] == [("injured", "5")]


def test_agreeing_figures_in_words_give_no_conflict(landslide: Run) -> None:
    code, found = check(landslide, "hai người tử vong, năm người bị thương")
    assert code == 0
    assert found["conflicts"] == []
    assert len(found["confirmed"]) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Vu sat lo lam 3 nguoi chet va 5 nguoi bi thuong",  # no diacritics
        __import__("unicodedata").normalize("NFD", "Vụ sạt lở làm 3 người chết"),
    ],
)
def test_without_diacritics_or_in_nfd(landslide: Run, text: str) -> None:
    code, found = check(landslide, text)
    assert code == 3
    assert found["conflicts"][0]["fact"] == "deaths"


def test_times_and_unknown_figures(landslide: Run) -> None:
    code, found = check(landslide, "Vụ việc xảy ra lúc 13h10, có 2 người mất tích.")
    assert code == 0
    assert [c["fact"] for c in found["confirmed"]] == ["occurred_at"]
    assert [c["fact"] for c in found["unknown"]] == ["missing"]  # not recorded yet
    code, found = check(landslide, "Vụ việc xảy ra lúc 12 giờ 40 ngày 29/11/2026.")
    assert code == 3
    assert [c["found"] for c in found["conflicts"]] == ["12:40"]


def test_a_contradicting_text_is_recorded_once(landslide: Run) -> None:
    def found() -> list[dict]:
        events = landslide("incident show 2026-0001 --json").json()["events"]
        return [event for event in events if event["kind"] == "conflicts-found"]

    check(landslide, "hai người tử vong")  # agrees: nothing to record
    assert found() == []
    for _ in range(2):
        check(landslide, "Vụ sạt lở làm 3 người chết")
    check(landslide, "Vụ sạt lở làm 4 người chết")
    events = found()
    assert len(events) == 2
    assert events[0]["detail"]["figures"] == [
        {"fact": "deaths", "found": "3 người chết", "expected": "2"}
    ]
    shown = landslide("--lang vi incident show 2026-0001")
    assert (
        "kiểm tra văn bản có số liệu mâu thuẫn với dữ kiện  (tester)  «3 người chết» ≠ 2"
        in shown.stdout
    )


def test_a_text_mixing_diacritics_and_none_is_read_whole(landslide: Run) -> None:
    code, found = check(landslide, "ba người chết, 5 nguoi bi thuong")
    assert code == 3
    assert [c["fact"] for c in found["conflicts"]] == ["deaths"]
    assert [(c["fact"], c["found"]) for c in found["confirmed"]] == [("injured", "5")]


@pytest.mark.parametrize(
    "text",
    [
        "4 người bị thương nhẹ",  # a part of the injured, not all of them
        "ít nhất 3 người chết",  # an estimate
        "hơn 100 hộ phải di dời",
        "45 người phải di dời",  # people, where the fact counts households
    ],
)
def test_parts_estimates_and_other_nouns_are_not_conflicts(landslide: Run, text: str) -> None:
    assert landslide("fact set 2026-0001 evacuated 12").exit_code == 0
    code, found = check(landslide, text)
    assert code == 0, found
    assert found["conflicts"] == [] and found["confirmed"] == []
    assert len(found["unknown"]) == 1


def test_households_are_compared_with_the_households_evacuated(landslide: Run) -> None:
    assert landslide("fact set 2026-0001 evacuated 12").exit_code == 0
    code, found = check(landslide, "Đã di dời 15 hộ dân")
    assert code == 3
    assert [(c["fact"], c["expected"]) for c in found["conflicts"]] == [("evacuated", "12")]


def test_check_as_text_and_from_a_file(landslide: Run, tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text("Sạt lở ở Phúc Khoa làm 3 người chết.", encoding="utf-8")
    result = landslide(f"--lang vi statement check 2026-0001 {post}")
    assert result.exit_code == 3
    assert "Mâu thuẫn (1):" in result.stdout
    assert "văn bản ghi «3 người chết», dữ kiện là 2" in result.stdout
    assert "Sạt lở ở Phúc Khoa làm 3 người chết" in result.stdout  # the words around it


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("statement check 2026-0001 /nonexistent.txt", "no such file"),
        ("statement check 2026-0077 -", "unknown incident"),
    ],
)
def test_check_errors_exit_1(landslide: Run, refused, args: str, expected: str) -> None:
    refused(args, expected=expected)


def test_check_of_a_file_that_is_not_utf8(landslide: Run, refused, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Sạt lở".encode("utf-16"))
    refused(f"statement check 2026-0001 {bad}", expected="not UTF-8")


def test_check_the_false_claim_of_a_misinformation_incident(tan_uyen: Run) -> None:
    tan_uyen(
        'incident open "Tin đồn sạt lở làm chết người" -u phuc-khoa --category misinformation'
        " --platform TikTok"
    )
    tan_uyen("fact set 2026-0001 deaths 0")
    code, found = check(tan_uyen, "Clip lan truyền: sạt lở ở Phúc Khoa làm 7 người chết!")
    assert code == 3
    assert found["conflicts"][0]["expected"] == "0"


def test_statement_list_shows_states(landslide: Run) -> None:
    drafted(landslide)
    sid = approved(landslide)
    landslide(f"statement issue {sid}")
    listing = landslide("statement list 2026-0001")
    assert listing.exit_code == 0
    assert "draft" in listing.stdout and "issued" in listing.stdout
    items = landslide("statement list 2026-0001 --json").json()
    assert [item["state"] for item in items] == ["draft", "issued"]


def test_an_issued_statement_cannot_be_edited(landslide: Run, refused, tmp_path: Path) -> None:
    sid = approved(landslide)
    landslide(f"statement issue {sid}")
    mine = tmp_path / "mine.txt"
    mine.write_text("Changed.\n", encoding="utf-8")
    refused(f"statement edit {sid} --text-file {mine}", expected="draft a correction instead")
    # Not even an editor is opened for it.
    refused(f"statement edit {sid}", expected="cannot change", env={"EDITOR": "false"})


def test_a_template_gone_later_leaves_the_draft_and_the_facts_still_change(
    landslide: Run, workspace: Path
) -> None:
    (workspace / "templates").mkdir()
    own = workspace / "templates" / "ngan.vi.j2"
    own.write_text("Chết: {{ f.deaths }}\n", encoding="utf-8")
    sid = drafted(landslide, "--lang", "vi", "--template", "ngan")["id"]
    own.unlink()
    result = landslide("fact set 2026-0001 deaths 4")
    assert result.exit_code == 0, result
    assert f"statement {sid} was not rewritten" in result.stderr
    assert statement(landslide, sid)["text"] == "Chết: 2\n"
    assert landslide("fact list 2026-0001 --json").json()["facts"]["deaths"]["value"] == 4


def test_a_routine_update_with_a_new_next_update_time_is_not_a_correction(
    landslide: Run,
) -> None:
    landslide("fact set 2026-0001 next_update_at 17:00")
    first = approved(landslide, "--lang", "vi")
    assert landslide(f"statement issue {first}").exit_code == 0
    landslide("fact set 2026-0001 next_update_at 20:00")
    landslide("fact set 2026-0001 missing 1")  # a new figure: not a change of an issued one
    update = drafted(landslide, "--lang", "vi")
    assert update["kind"] == "update"
    landslide(f"statement approve {update['id']} --by 'Chủ tịch xã'")
    assert landslide(f"statement issue {update['id']}").exit_code == 0


def test_a_draft_that_changes_an_issued_count_defaults_to_a_correction(landslide: Run) -> None:
    first = approved(landslide, "--lang", "vi")
    assert landslide(f"statement issue {first}").exit_code == 0
    landslide("fact set 2026-0001 deaths 3")
    draft = drafted(landslide, "--lang", "vi")
    assert draft["kind"] == "correction"
    assert "Đính chính thông tin" in draft["text"]
    assert "đính chính, cập nhật các số liệu đã công bố" in draft["text"]


def test_a_second_initial_statement_is_refused(landslide: Run, refused) -> None:
    first = approved(landslide)
    second = approved(landslide, "--kind", "initial")
    assert landslide(f"statement issue {first}").exit_code == 0
    refused(f"statement issue {second}", expected="draft this one as an update")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{{ f.deaths.value / 0 }}", "ZeroDivisionError"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "RecursionError"),
        ("{{ 'a' * 3000000000 }}", "a value longer than"),
        ("{{ 10 ** 100000000 }}", "an exponent above"),
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "longer than 0.3 seconds",
        ),
    ],
)
def test_a_template_that_fails_or_runs_away_is_a_clear_error(
    landslide: Run,
    refused,
    workspace: Path,
    monkeypatch: pytest.MonkeyPatch,
    body: str,
    expected: str,
) -> None:
    from spokes.core import sandbox

    monkeypatch.setattr(sandbox, "SECONDS", 0.3)
    (workspace / "templates").mkdir()
    (workspace / "templates" / "bad.en.j2").write_text(body, encoding="utf-8")
    refused("statement draft 2026-0001 --lang en --template bad", expected=expected)


def test_a_failing_template_never_blocks_a_fact_change(landslide: Run, workspace: Path) -> None:
    (workspace / "templates").mkdir()
    own = workspace / "templates" / "bad.en.j2"
    own.write_text("{{ f.deaths }}\n", encoding="utf-8")
    sid = drafted(landslide, "--lang", "en", "--template", "bad")["id"]
    own.write_text("{{ f.deaths.value / 0 }}\n", encoding="utf-8")
    result = landslide("fact set 2026-0001 deaths 0")
    assert result.exit_code == 0, result
    assert f"statement {sid} was not rewritten" in result.stderr
    assert landslide("fact list 2026-0001 --json").json()["facts"]["deaths"]["value"] == 0


def test_issue_backdated_before_its_approval_is_refused(landslide: Run, refused) -> None:
    sid = approved(landslide)  # approved at 14:00
    refused(f"statement issue {sid} --at 13:20", expected="before it was approved")


def test_with_nobody_on_duty_even_an_override_must_name_the_speaker(tan_uyen: Run, refused) -> None:
    tan_uyen('incident open "Đá lăn" -u ho-mit --occurred 13:30')
    sid = drafted(tan_uyen)["id"]
    refused(f"statement issue {sid} --override gấp", expected="ho-mit has no spokesperson")
    result = tan_uyen(f"statement issue {sid} --override gấp --by 'Vàng A Sử'")
    assert result.exit_code == 0, result
    assert statement(tan_uyen, sid)["issued_by"] == "Vàng A Sử"


def test_an_authorisation_for_another_incident_does_not_count(landslide: Run, refused) -> None:
    landslide('incident open "Lũ quét" -u phuc-khoa --occurred 12:00')
    landslide(
        "spokesperson authorize phuc-khoa --name 'Giàng A Páo' --from 13:00 --until 20:00"
        " --by 'Lù Thị Mai' --incident 2026-0002"
    )
    sid = approved(landslide)
    refused(f"statement issue {sid} --by 'Giàng A Páo'", expected="for incident 2026-0002 only")


def test_after_closing_only_a_final_statement_or_a_correction(landslide: Run, refused) -> None:
    update = approved(landslide, "--kind", "update")
    final = approved(landslide, "--kind", "final")
    landslide("incident close 2026-0001")
    refused(f"statement issue {update}", expected="is closed")
    assert landslide(f"statement issue {final}").exit_code == 0


def test_the_published_link_reaches_the_referral_note(landslide: Run) -> None:
    sid = approved(landslide)
    url = "https://phuckhoa.laichau.gov.vn/tin/sat-lo"
    assert landslide(f"statement issue {sid} --at 14:00 --url {url}").exit_code == 0
    assert statement(landslide, sid)["issued_url"] == url
    note = landslide("statement refer 2026-0001 --unit cong-an --lang vi")
    assert f"qua thông cáo báo chí: {url}." in note.stdout


def test_referral_for_a_unit_not_involved_warns(landslide: Run) -> None:
    note = landslide("statement refer 2026-0001 --unit ho-mit")
    assert note.exit_code == 0
    assert "not among the units involved" in note.stderr


def test_approving_text_written_for_older_facts_warns(landslide: Run, workspace: Path) -> None:
    (workspace / "templates").mkdir()
    own = workspace / "templates" / "ngan.vi.j2"
    own.write_text("Chết: {{ f.deaths }}\n", encoding="utf-8")
    sid = drafted(landslide, "--lang", "vi", "--template", "ngan")["id"]
    own.unlink()  # the draft can no longer follow the facts
    landslide("fact set 2026-0001 deaths 4")
    result = landslide(f"statement approve {sid} --by 'Chủ tịch xã'")
    assert result.exit_code == 0
    assert "check its figures before issuing" in result.stderr
