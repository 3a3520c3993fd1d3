"""``spokes watch``: frames rendered at frozen moments, the bell at crossings, the live loop
driven by a clock that tests move (SPOKES_NOW), and the command's bad input."""

from __future__ import annotations

import fcntl
import io
import os
import re
import signal
import struct
import subprocess
import sys
import termios
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from spokes import i18n
from spokes.cli import prepare
from spokes.cli.watch import fit_to_terminal, live
from spokes.core import watch as core_watch
from spokes.render.watch import countdown, frame
from spokes.workspace import Workspace
from tests.conftest import Run

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def moment(hms: str) -> datetime:
    """A moment of the test day, 29/11/2026, in the workspace's zone (UTC+07:00)."""
    return datetime.fromisoformat(f"2026-11-29T{hms}+07:00")


@pytest.fixture
def ws() -> Iterator[Workspace]:
    workspace = prepare(None)
    yield workspace
    workspace.close()


def opened(run: Run, title: str, unit: str, occurred: str) -> None:
    result = run("incident", "open", title, "--unit", unit, "--occurred", occurred)
    assert result.exit_code == 0, result


def board(ws: Workspace, at: str = "14:00:00", unit: str | None = None) -> core_watch.Board:
    return core_watch.read(ws.store, ws.config, moment(at), unit)


def lines(shown: Text, width: int = 160) -> list[tuple[str, str]]:
    """Each line of the frame as a terminal of ``width`` shows it, with the style of its first
    visible characters ("" when unstyled)."""
    console = Console(width=width, force_terminal=True, color_system="truecolor")
    found = []
    for segments in console.render_lines(shown, console.options, pad=False):
        text = "".join(segment.text for segment in segments)
        styled = [s for s in segments if s.text.strip()]
        style = str(styled[0].style) if styled and styled[0].style else ""
        found.append((text.rstrip(), "" if style == "none" else style))
    return found


def row(shown: Text, incident_id: str) -> tuple[str, str]:
    matches = [line for line in lines(shown) if line[0].startswith(incident_id)]
    assert len(matches) == 1, lines(shown)
    return matches[0]


def recorded(shown: Text, width: int) -> str:
    console = Console(record=True, width=width, file=io.StringIO())
    console.print(shown, no_wrap=True, overflow="crop", crop=True)
    return console.export_text()


# -- frames at frozen moments -----------------------------------------------------------------


def test_the_countdown_moves_between_two_moments_without_a_new_read(
    tan_uyen: Run, ws: Workspace
) -> None:
    opened(tan_uyen, "Sạt lở đất", "phuc-khoa", "12:20")  # due 14:20
    read = board(ws)
    ws.close()  # no database from here on: every frame below comes from the one read
    first, second, later = (
        frame(read, moment(at), 160, "en") for at in ("14:00:00", "14:00:01", "14:05:00")
    )
    assert "Now: 29 Nov 2026 14:00:00 (UTC+07:00)" in first.plain
    assert "in 0:20:00" in first.plain and "20 min" in row(first, "2026-0001")[0]
    assert "Now: 29 Nov 2026 14:00:01 (UTC+07:00)" in second.plain
    assert "in 0:19:59" in second.plain
    assert "in 0:15:00" in later.plain and "15 min" in row(later, "2026-0001")[0]


def test_a_row_changes_colour_as_it_crosses_into_at_risk_and_overdue(
    tan_uyen: Run, ws: Workspace
) -> None:
    opened(tan_uyen, "Sạt lở đất", "phuc-khoa", "12:40")  # due 14:40; at risk from 14:10
    read = board(ws)
    styles = {
        at: row(frame(read, moment(at), 160, "en"), "2026-0001")
        for at in ("14:09:59", "14:10:00", "14:40:00", "14:40:01")
    }
    assert styles["14:09:59"][1] == "" and styles["14:09:59"][0].endswith("pending")
    assert styles["14:10:00"][1] == "yellow" and styles["14:10:00"][0].endswith("at risk")
    assert styles["14:40:00"][1] == "yellow"
    assert styles["14:40:01"][1] == "bold red" and styles["14:40:01"][0].endswith("OVERDUE")


def test_the_bell_rings_exactly_at_each_crossing(tan_uyen: Run, ws: Workspace) -> None:
    opened(tan_uyen, "Sạt lở đất", "phuc-khoa", "12:40")  # at risk 14:10:00, overdue 14:40:01
    opened(tan_uyen, "Đá lăn", "ho-mit", "13:30")  # at risk 15:00:00, the last second watched
    read = board(ws)
    rang = []
    before = core_watch.states(core_watch.at(read, moment("14:00:00")))
    for second in range(1, 3601):
        now = moment("14:00:00") + timedelta(seconds=second)
        after = core_watch.states(core_watch.at(read, now))
        rang += [(f"{now:%H:%M:%S}", found) for found in core_watch.crossings(before, after)]
        before = after
    assert rang == [
        ("14:10:00", "2026-0001"),
        ("14:40:01", "2026-0001"),
        ("15:00:00", "2026-0002"),
    ]


def test_no_bell_at_start_up_for_a_new_incident_or_a_stopped_clock(
    tan_uyen: Run, ws: Workspace
) -> None:
    opened(tan_uyen, "Sạt lở đất", "phuc-khoa", "11:00")  # overdue since 13:00
    first = core_watch.states(core_watch.at(board(ws), moment("14:00:00")))
    assert first == {"2026-0001": "overdue"}
    assert core_watch.crossings({}, first) == []  # the first frame: nothing was seen before
    opened(tan_uyen, "Đá lăn", "ho-mit", "12:30")  # a new read brings one already at risk
    tan_uyen("incident", "inform", "2026-0001", "--at", "13:59")  # and the other one met
    second = core_watch.states(core_watch.at(board(ws), moment("14:00:01")))
    assert second == {"2026-0001": "late", "2026-0002": "at_risk"}
    assert core_watch.crossings(first, second) == []
    third = core_watch.states(core_watch.at(board(ws), moment("14:00:02")))
    assert core_watch.crossings(second, third) == []
    # ...while the same incident seen before and now at risk does ring.
    assert core_watch.crossings({"2026-0002": "pending"}, third) == ["2026-0002"]


def test_the_footer_gives_the_time_the_next_deadline_and_the_counts(
    tan_uyen: Run, ws: Workspace
) -> None:
    opened(tan_uyen, "Cháy rừng", "phuc-khoa", "13:40")  # 0001: pending, due 15:40
    opened(tan_uyen, "Sạt lở", "phuc-khoa", "11:50")  # 0002: overdue
    opened(tan_uyen, "Lũ quét", "ho-mit", "12:20")  # 0003: at risk, due 14:20
    opened(tan_uyen, "Tai nạn", "cong-an", "12:00")  # 0004: met
    tan_uyen("incident", "inform", "2026-0004", "--at", "13:00")
    read = board(ws)
    shown = recorded(frame(read, moment("14:00:00"), 160, "en", frozen=True, interval=5), 160)
    footer = shown.split("─" * 160)[-1].strip().splitlines()
    assert footer == [
        "Now: 29 Nov 2026 14:00:00 (UTC+07:00)",
        "Next deadline: 14:20, 2026-0003 (ho-mit), in 0:20:00",
        "OVERDUE 1  ·  at risk 1  ·  pending 1  ·  late 0  ·  met 1",
        "(clock frozen by SPOKES_NOW)  ·  Ctrl-C: quit  ·  database read every 5 s",
    ]
    counts = lines(frame(read, moment("14:00:00"), 160, "en"))[-1]
    assert counts[0].startswith("OVERDUE 1") and counts[1] == "bold red"
    # Once 0003 is overdue too, the next deadline is 0001's; when none is ahead, it says so.
    later = recorded(frame(read, moment("14:20:01"), 160, "en"), 160)
    assert "Next deadline: 15:40, 2026-0001 (phuc-khoa), in 1:19:59" in later
    assert "OVERDUE 2  ·  at risk 0  ·  pending 1" in later
    assert "No deadline ahead." in recorded(frame(read, moment("15:40:01"), 160, "en"), 160)
    assert "SPOKES_NOW" not in later and "Ctrl-C" not in later


def test_unit_limits_the_rows_and_the_title(tan_uyen: Run, ws: Workspace) -> None:
    opened(tan_uyen, "Sạt lở đất", "phuc-khoa", "12:55")
    opened(tan_uyen, "Đá lăn", "ho-mit", "11:00")
    shown = recorded(frame(board(ws, unit="HO-MIT"), moment("14:00:00"), 160, "en"), 160)
    assert shown.startswith("Open incidents led by ho-mit")
    assert "2026-0002" in shown and "2026-0001" not in shown
    assert "OVERDUE 1  ·  at risk 0  ·  pending 0" in shown
    everything = recorded(frame(board(ws), moment("14:00:00"), 160, "en"), 160)
    assert everything.startswith("Open incidents, all units")
    assert "2026-0001" in everything and "2026-0002" in everything


def test_both_languages(tan_uyen: Run, ws: Workspace) -> None:
    opened(tan_uyen, "Sạt lở đất", "phuc-khoa", "12:20")
    opened(tan_uyen, "Đá lăn", "ho-mit", "11:00")
    read = board(ws)
    vietnamese = recorded(frame(read, moment("14:00:00"), 160, "vi", frozen=True, interval=2), 160)
    for expected in (
        "Sự việc đang xử lý, mọi đơn vị",
        "Bây giờ: 14:00:00 ngày 29/11/2026 (UTC+07:00)",
        "Hạn gần nhất: 14:20, 2026-0001 (phuc-khoa), còn 0:20:00",
        "QUÁ HẠN 1  ·  sắp đến hạn 1  ·  trong hạn 0  ·  trễ hạn 0  ·  đúng hạn 0",
        "(đồng hồ đang cố định theo SPOKES_NOW)  ·  Ctrl-C: thoát  ·  đọc cơ sở dữ liệu mỗi 2 giây",
        "CHƯA CÓ NGƯỜI PHÁT NGÔN",
        "quá hạn 1 giờ 00 phút",
    ):
        assert expected in vietnamese
    assert i18n.language() == "en"  # the frame's language did not leak into the process
    english = recorded(frame(read, moment("14:00:00"), 160, "en"), 160)
    assert "NO SPOKESPERSON" in english and "1 h 00 min ago" in english
    assert "Bây giờ" not in english
    assert tan_uyen("--lang", "vi", "watch", "--once").stdout.startswith("Sự việc đang xử lý")


def test_the_frame_fits_the_width_and_height_it_is_given(tan_uyen: Run, ws: Workspace) -> None:
    title = "Sạt lở đất số {} tại bản Phiêng Lồm, xã Phúc Khoa"
    for n in range(30):
        opened(tan_uyen, title.format(n), "phuc-khoa", "13:00")
    read = board(ws)
    small = recorded(frame(read, moment("14:00:00"), 80, "en", height=24, interval=5), 80)
    shown = small.rstrip("\n").split("\n")
    assert len(shown) == 24
    assert max(len(line) for line in shown) <= 80
    assert shown[-2].startswith("OVERDUE 0  ·  at risk 0  ·  pending 30")  # the footer stays
    assert any(line.startswith("… ") and "more lines" in line for line in shown)
    wide = recorded(frame(read, moment("14:00:00"), 200, "en"), 200)
    assert "tại bản Phiêng Lồm, xã Phúc Khoa" in wide  # room enough: nothing cut
    assert "tại bản Phiêng Lồm, xã Phúc Khoa" not in small
    # Tall enough: every row, and the footer moved down to the last lines.
    tall = recorded(frame(read, moment("14:00:00"), 200, "en", height=60), 200)
    assert len(tall.rstrip("\n").split("\n")) == 60 and "more lines" not in tall


def test_countdown_format() -> None:
    assert countdown(0) == "0:00:00"
    assert countdown(59) == "0:00:59"
    assert countdown(3661) == "1:01:01"
    assert countdown(25 * 3600) == "25:00:00"
    assert countdown(-5) == "0:00:00"


# -- the live loop, with a clock the test moves -------------------------------------------------


class Ticks:
    """Stands in for sleeping: each call moves SPOKES_NOW and the monotonic clock one second
    on, runs what the test planned for that second, and stops the loop like Ctrl-C."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, start: str, stop_after: int) -> None:
        self.monkeypatch, self.start, self.stop_after = monkeypatch, moment(start), stop_after
        self.elapsed = 0
        self.plan: dict[int, Callable[[], object]] = {}
        monkeypatch.setenv("SPOKES_NOW", self.start.isoformat())

    def monotonic(self) -> float:
        return float(self.elapsed)

    def sleep(self, seconds: float) -> None:
        assert 0 < seconds <= 1
        self.elapsed += 1
        if self.elapsed > self.stop_after:
            raise KeyboardInterrupt
        now = self.start + timedelta(seconds=self.elapsed)
        self.monkeypatch.setenv("SPOKES_NOW", now.isoformat())
        if self.elapsed in self.plan:
            self.plan[self.elapsed]()


def frames(output: str) -> list[str]:
    """The frames a screen-mode Live wrote, each starting at the cursor's home, as text."""
    chunks = output.split("\x1b[H")
    return [ANSI.sub("", chunk) for chunk in chunks if "Now: " in chunk]


def test_the_live_loop(tan_uyen: Run, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    opened(tan_uyen, "Sạt lở đất", "phuc-khoa", "12:40")  # at risk at 14:10:00
    ticks = Ticks(monkeypatch, "14:09:57", stop_after=12)
    # Another terminal opens an incident at 14:09:59, between two reads (every 5 s).
    ticks.plan[2] = lambda: opened(tan_uyen, "Đá lăn", "ho-mit", "13:30")
    ticks.plan[7] = lambda: console.__setattr__("size", (70, 20))  # the window shrinks
    reads = []
    real_read = core_watch.read
    monkeypatch.setattr(core_watch, "read", lambda *a: reads.append(a[2]) or real_read(*a))
    console = Console(file=io.StringIO(), force_terminal=True, width=160, height=30)
    start = core_watch.read(ws.store, ws.config, ws.now())
    live(ws, start, 5, console, sleep=ticks.sleep, monotonic=ticks.monotonic)  # returns: Ctrl-C
    output = console.file.getvalue()  # type: ignore[attr-defined]
    shown = frames(output)
    assert len(shown) == 13  # 14:09:57 to 14:10:09, one a second
    # The first read (before the loop), then one every 5 s: no read in the seconds between.
    local = [f"{at.astimezone(ticks.start.tzinfo):%H:%M:%S}" for at in reads]
    assert local == ["14:09:57", "14:10:02", "14:10:07"]
    assert ["Now: 29 Nov 2026 14:10:00" in frame for frame in shown].index(True) == 3
    # The bell: once, just before the frame of 14:10:00 (the crossing into at risk).
    assert output.count("\a") == 1
    assert "Now: 29 Nov 2026 14:10:00" in frames(output.split("\a")[1])[0]
    # The new incident: not before the next read, in every frame after it.
    assert ["2026-0002" in frame for frame in shown] == [False] * 5 + [True] * 8
    # The window shrank after the 7th frame: the later frames are laid out in 70 columns.
    assert max(len(line) for line in shown[6].splitlines()) == 160
    assert all(max(len(line) for line in later.splitlines()) <= 70 for later in shown[7:])
    assert all(len(later.splitlines()) <= 20 for later in shown[7:])
    # The terminal is given back: the alternate screen left, the cursor shown again.
    assert output.startswith("\x1b[?1049h")
    assert output.endswith("\x1b[?25h\x1b[?1049l")


def test_each_frame_takes_the_terminals_size_of_the_moment() -> None:
    # A real (pseudo-)terminal, resized like a window: rich's size is what the terminal says.
    master, slave = os.openpty()
    with os.fdopen(slave, "w") as terminal:
        console = Console(file=terminal, width=160, height=50)  # as it was a moment ago
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        fit_to_terminal(console)
        assert (console.width, console.height) == (80, 24)
    os.close(master)


# -- the command ---------------------------------------------------------------------------------


def test_once_prints_one_plain_frame(tan_uyen: Run) -> None:
    opened(tan_uyen, "Sạt lở đất", "phuc-khoa", "12:20")
    result = tan_uyen("watch", "--once")
    assert result.exit_code == 0, result
    assert "\x1b" not in result.stdout  # not a terminal: no colour, no screen codes
    assert result.stdout.startswith("Open incidents, all units\n")
    assert "2026-0001  phuc-khoa" in result.stdout
    assert "Next deadline: 14:20, 2026-0001 (phuc-khoa), in 0:20:00" in result.stdout
    assert result.stdout.rstrip().endswith("(clock frozen by SPOKES_NOW)")
    assert "Ctrl-C" not in result.stdout  # one frame: nothing to quit
    only = tan_uyen("watch", "--once", "-u", "ho-mit")
    assert only.exit_code == 0 and "2026-0001" not in only.stdout


@pytest.mark.parametrize("value", ["0", "-1", "-0.5", "nan", "inf"])
def test_a_bad_interval_is_one_line_and_exit_1(
    tan_uyen: Run, refused: Callable[..., object], value: str
) -> None:
    expected = "--interval must be a number of seconds greater than 0"
    refused("watch", "--once", f"--interval={value}", expected=expected)
    refused("watch", f"--interval={value}", expected=expected)


def test_bad_command_lines(tan_uyen: Run, refused: Callable[..., object]) -> None:
    refused("watch", "--once", "--unit", "phuc-kho", expected="Did you mean 'phuc-khoa'?")
    refused("watch", expected="spokes watch needs a terminal; to print one frame, add --once")
    refused("watch", "--interval", "soon", expected="--interval", code=2)  # typer's usage error
    result = tan_uyen("--lang", "vi", "watch", "--interval", "0")
    assert result.exit_code == 1
    assert result.stderr == "Lỗi: --interval phải là số giây lớn hơn 0, không phải 0\n"


def test_rich_is_imported_only_by_watch() -> None:
    # `spokes status` and the other commands start without rich: only `watch` brings it in.
    code = "import sys, spokes.cli.app; print(sorted(m for m in sys.modules if m == 'rich'))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_readme_footer_is_what_watch_prints(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.test_docs import code_blocks, run_examples, subsection

    run_examples(run, monkeypatch, tmp_path)
    samples = code_blocks(subsection("`spokes watch`"), "text")
    assert len(samples) == 1, "expected one sample of the footer of `spokes watch --once`"
    result = run("watch", "--once")
    assert result.exit_code == 0, result
    assert result.stdout.endswith(samples[0]), result.stdout


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP])
def test_kill_or_a_closed_window_leaves_the_terminal_as_it_was(
    tan_uyen: Run, ws: Workspace, monkeypatch: pytest.MonkeyPatch, ending: signal.Signals
) -> None:
    opened(tan_uyen, "Sạt lở đất", "phuc-khoa", "12:40")
    before = signal.getsignal(ending)
    console = Console(file=io.StringIO(), force_terminal=True, width=120, height=30)
    start = core_watch.read(ws.store, ws.config, ws.now())
    live(ws, start, 5, console, sleep=lambda _: os.kill(os.getpid(), ending))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert output.startswith("\x1b[?1049h") and output.endswith("\x1b[?25h\x1b[?1049l")
    assert signal.getsignal(ending) is before  # the handlers of the caller are back
