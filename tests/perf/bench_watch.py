"""Benchmark of ``spokes watch``, run by hand (pytest ignores ``tests/perf``).

It builds a throwaway workspace (``SPOKES_HOME`` for the child; the user's own is never touched)
with ``--open`` open incidents placed around the real *now* (the clock runs: no SPOKES_NOW), so
that every clock state shows and rows cross into at risk and overdue, and ``--closed`` closed
ones in the history. The units, the spokespersons and the closed history are seeded as
``bench_startup.py`` seeds them.

Then it runs the real ``spokes watch --interval I`` under a pseudo-terminal of a fixed size
(so rich draws as on a screen), reads everything it draws, and measures the child's CPU time
(``/proc/<pid>/stat``, user + system) over ``--seconds`` of steady running, after its start-up.
Finally it sends SIGINT (Ctrl-C) and checks that it exits 0 and leaves the alternate screen.

It also times, in this process, one read of the database (with that history, and with none)
and one frame (built and rendered at the terminal's size).

    .venv/bin/python tests/perf/bench_watch.py [--seconds 60] [--interval 1] [--open 50]
        [--closed 5000] [--grants 0] [--cols 160] [--rows 60]

``--grants 20000`` adds past authorisations: the on-duty lookup goes through the index on the
designations' validity (migration ``0006_spokespersons_validity_index``), so a read should cost
about the same with them as without; this option checks it.
"""

from __future__ import annotations

import argparse
import fcntl
import io
import os
import pty
import random
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import bench_startup as base

ROOT = Path(__file__).resolve().parents[2]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
GOAL = 1.0  # per cent of one core


# -- seeding -------------------------------------------------------------------------------


def open_rows(codes: list[str], count: int, now: datetime) -> Iterator[tuple[object, ...]]:
    """Open incidents that occurred from 3 h ago to now: overdue, at risk, pending (and every
    fifth one informed), so crossings happen while the benchmark watches."""
    rng = random.Random(2026)
    for n in range(1, count + 1):
        occurred = now - timedelta(seconds=rng.randint(60, 3 * 3600))
        informed = occurred + timedelta(minutes=10) if n % 5 == 0 else None
        yield (
            f"{now.year}-{n:04d}",
            f"Sự cố {n} tại bản Phiêng Lồm, xã {codes[n % len(codes)]}",
            codes[n % len(codes)],
            "open",
            rng.choice(base.CATEGORIES),
            rng.choice(base.SEVERITIES),
            None,
            base.to_db(occurred),
            base.to_db(occurred),
            None,
            base.to_db(informed) if informed else None,
            "portal" if informed else None,
            "Văn phòng" if informed else None,
            None,
            None,
            None,
            base.to_db(occurred),
            base.to_db(occurred),
        )


def past_grants(codes: list[str], count: int) -> Iterator[tuple[object, ...]]:
    """Authorisations that ended long ago, one per incident of the history: the on-duty
    lookup reads the spokespersons table, whose rows only ever grow."""
    for n in range(count):
        day = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
        yield (
            codes[n % len(codes)],
            "authorised",
            f"Ủy quyền {n}",
            f"{day}T01:00:00Z",
            f"{day}T09:00:00Z",
            f"2025-{n + 1:06d}",
            "Chủ tịch",
            f"{day}T01:00:00Z",
        )


def seed(db_path: Path, closed: int, open_: int, now: datetime, grants: int = 0) -> None:
    rng = random.Random(20261129)
    unit_rows = base.units()
    codes = [code for code, *_ in unit_rows]
    created = base.to_db(now - timedelta(days=800))
    columns = (
        "id, title, lead_unit, status, category, severity, location, occurred_at, received_at,"
        " decided_at, informed_at, informed_channel, informed_by, informed_note, closed_at,"
        " close_note, created_at, updated_at"
    )
    db = sqlite3.connect(db_path, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.executemany(
            "INSERT INTO units (code, name, kind, parent_code, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(*row, created, created) for row in unit_rows],
        )
        db.executemany(
            "INSERT INTO spokespersons (unit_code, role, name, title, phone, email, valid_from,"
            " valid_until, decision, incident_id, granted_by, published_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            base.spokespersons(codes, rng),
        )
        marks = ", ".join("?" * 18)
        history = base.incidents(codes, closed, 0, rng)
        insert = f"INSERT INTO incidents ({columns}) VALUES ({marks})"
        db.executemany(insert, history)
        db.executemany(insert, open_rows(codes, open_, now))
        # Units involved besides the lead, in the history too: the read joins that table.
        involved = [(f"2025-{n:06d}", codes[(n * 7) % len(codes)]) for n in range(1, closed, 3)]
        db.executemany("INSERT OR IGNORE INTO incident_units VALUES (?, ?)", involved)
        db.executemany(
            "INSERT INTO spokespersons (unit_code, role, name, valid_from, valid_until,"
            " incident_id, granted_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            past_grants(codes, grants),
        )
        db.execute("COMMIT")
    finally:
        db.close()


def workspace(
    root: Path, closed: int, open_: int, now: datetime, grants: int = 0
) -> dict[str, str]:
    """A migrated, seeded workspace under ``root``; returns the child's environment."""
    env = base.child_env(root, bytecode=True)
    del env["SPOKES_NOW"]  # the clock runs: the countdown moves and rows cross
    env.pop("COLUMNS", None)  # the pseudo-terminal's size decides
    spokes = str(base.bin_dir() / "spokes")
    subprocess.run([spokes, "unit", "list"], env=env, check=True, capture_output=True)
    seed(root / "home" / "spokes.db", closed, open_, now, grants)
    return env


# -- the watch under a pseudo-terminal ---------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process, from ``/proc/<pid>/stat``."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # after the command name, which may hold spaces
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def spawn(argv: list[str], env: dict[str, str], cols: int, rows: int) -> tuple[int, int]:
    """Starts ``argv`` on a new pseudo-terminal of ``cols`` x ``rows``; (pid, master fd)."""
    pid, master = pty.fork()
    if pid == 0:  # the child: its stdin, stdout and stderr are the terminal
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execve(argv[0], argv, env)
    return pid, master


def drain(master: int, until: float, seen: bytearray, stop: Callable[[], bool] = bool) -> None:
    """Reads what the child draws until the time ``until`` or until ``stop()``: a terminal
    that is not read fills up and blocks its writer."""
    while time.monotonic() < until and not stop():
        ready, _, _ = select.select([master], [], [], max(0.0, until - time.monotonic()))
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:  # the child closed the terminal
                return


def watch_cpu(env: dict[str, str], args: argparse.Namespace) -> None:
    spokes = str(base.bin_dir() / "spokes")
    argv = [spokes, "watch", "--interval", f"{args.interval:g}"]
    pid, master = spawn(argv, env, args.cols, args.rows)
    seen = bytearray()
    started = time.monotonic()
    drain(master, started + 30, seen, lambda: b"Now: " in seen)
    if b"Now: " not in seen:
        os.kill(pid, signal.SIGKILL)
        sys.exit(f"no frame after 30 s:\n{seen.decode(errors='replace')[-2000:]}")
    first = time.monotonic() - started
    drain(master, time.monotonic() + 2, seen)  # settle: the start-up is not what is measured
    cpu0, wall0, frames0 = cpu_seconds(pid), time.monotonic(), seen.count(b"\x1b[H")
    drain(master, wall0 + args.seconds, seen)
    cpu1, wall1, frames1 = cpu_seconds(pid), time.monotonic(), seen.count(b"\x1b[H")
    os.kill(pid, signal.SIGINT)  # what Ctrl-C sends
    drain(master, time.monotonic() + 5, seen, lambda: b"\x1b[?1049l" in seen)
    _, status, usage = os.wait4(pid, 0)
    os.close(master)
    share = (cpu1 - cpu0) / (wall1 - wall0) * 100
    bells = seen.count(b"\a")
    print(f"watch    {argv[1:]} on a {args.cols}x{args.rows} pseudo-terminal")
    print(f"         first frame after {first:.2f} s; start-up CPU {cpu0:.2f} s (not counted)")
    print(
        f"         {wall1 - wall0:.1f} s measured: CPU {cpu1 - cpu0:.2f} s = {share:.2f}% of one"
        f" core ({'meets' if share < GOAL else 'misses'} the {GOAL:g}% goal);"
        f" {frames1 - frames0} frames, {bells} bells in all"
    )
    total = usage.ru_utime + usage.ru_stime
    restored = seen.rstrip().endswith(b"\x1b[?1049l")
    print(
        f"         Ctrl-C: exit code {os.waitstatus_to_exitcode(status)}, terminal restored:"
        f" {restored}; CPU over the whole run {total:.2f} s"
    )


# -- in-process costs ----------------------------------------------------------------------


def median_ms(action: Callable[[], object], rounds: int) -> float:
    """The median CPU time of ``action`` in milliseconds: CPU, not wall time, which is what
    the goal is about and what other load on the machine does not inflate."""
    action()  # warm: imports, page cache
    samples = []
    for _ in range(rounds):
        start = time.process_time()
        action()
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def in_process(home: Path, label: str, args: argparse.Namespace) -> None:
    """Times one read and one frame against the workspace at ``home``."""
    sys.path.insert(0, str(ROOT))
    from rich.console import Console

    from spokes.cli import prepare
    from spokes.core import watch
    from spokes.render.watch import frame

    os.environ["SPOKES_HOME"] = str(home)
    os.environ.pop("SPOKES_NOW", None)
    ws = prepare("en")
    console = Console(file=io.StringIO(), force_terminal=True, width=args.cols)
    try:
        board = watch.read(ws.store, ws.config, ws.now())

        def draw() -> None:
            shown = frame(board, ws.now(), args.cols, "en", height=args.rows, interval=1)
            console.print(shown, no_wrap=True, overflow="crop", crop=True)

        read = median_ms(lambda: watch.read(ws.store, ws.config, ws.now()), 50)
        drawn = median_ms(draw, 50)
        print(f"CPU      {label}: read {read:.2f} ms, frame {drawn:.2f} ms (medians of 50)")
    finally:
        ws.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="measured (default 60)")
    parser.add_argument("--interval", type=float, default=1.0, help="between reads (default 1)")
    parser.add_argument("--open", type=int, default=50, dest="open_", help="open incidents")
    parser.add_argument("--closed", type=int, default=5000, help="closed incidents (history)")
    parser.add_argument(
        "--grants", type=int, default=0, help="past authorisations in the history (default 0)"
    )
    parser.add_argument("--cols", type=int, default=160, help="terminal width (default 160)")
    parser.add_argument("--rows", type=int, default=60, help="terminal height (default 60)")
    parser.add_argument("--keep", action="store_true", help="keep the workspaces, say where")
    args = parser.parse_args()

    now = datetime.now(UTC).replace(microsecond=0)
    root = Path(tempfile.mkdtemp(prefix="spokes-bench-watch-"))
    try:
        env = workspace(root / "history", args.closed, args.open_, now, args.grants)
        workspace(root / "fresh", 0, args.open_, now)
        size = (root / "history" / "home" / "spokes.db").stat().st_size / 1e6
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
        print(f"python   {sys.version.split()[0]}; load {load} on {os.cpu_count()} CPUs")
        print(
            f"data     {args.open_} open + {args.closed} closed incidents,"
            f" {args.grants} past authorisations, {size:.1f} MB"
        )
        in_process(root / "history" / "home", "with that history", args)
        in_process(root / "fresh" / "home", "no history", args)
        watch_cpu(env, args)
    finally:
        if args.keep:
            print(f"kept     {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
