"""Benchmark of ``spokes report day``, ``report period`` and ``report annual``, run by hand
(pytest ignores ``tests/perf``).

It builds a throwaway workspace (``SPOKES_HOME`` for the children; the user's own workspace is
never touched), lets ``spokes unit list`` create and migrate the database, then seeds it with
sqlite3: the 50 units and spokespersons of ``bench_startup.py``, ``--history`` closed incidents
over the year before the report day (default 1,000), ``--today`` incidents on the report day
(default 30), an issued statement for every other incident and a ``conflicts-found`` event for
every seventh, and a press register over the year (``--history`` / 2 conferences and briefings,
as many requests, half answered, and ``--history`` / 10 false reports). It times each command
as a subprocess, round-robin, against ``python -c "import typer"`` and a plain command
(``spokes unit list``), then the core's ``day_report`` in-process, and prints the figures.

    .venv/bin/python tests/perf/bench_reports.py [--rounds 10] [--history 1000] [--today 30]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from bench_startup import NOW, bin_dir, child_env, run_once, spokespersons, to_db, units

BASELINE = "import typer"
REPORT_DAY = date(2026, 11, 29)


def incident_rows(history: int, today: int, codes: list[str]) -> Iterator[tuple[object, ...]]:
    """Columns: id, title, lead_unit, status, occurred_at, received_at, informed_at, closed_at,
    created_at, updated_at. History: closed, spread over the year before; today: open."""
    rng = random.Random(20261129)
    step = timedelta(days=365) / max(history, 1)
    for n in range(1, history + 1):
        occurred = NOW - timedelta(days=365) + step * (n - 1)
        informed = occurred + timedelta(minutes=rng.randint(20, 300))
        closed = informed + timedelta(days=rng.randint(1, 20))
        yield _row(f"2025-{n:06d}", rng.choice(codes), "closed", occurred, informed, closed)
    for n in range(1, today + 1):
        occurred = NOW - timedelta(minutes=rng.randint(10, 13 * 60))
        informed = occurred + timedelta(minutes=rng.randint(20, 150))
        informed_or_none = informed if informed <= NOW and n % 3 else None
        yield _row(f"2026-{n:04d}", rng.choice(codes), "open", occurred, informed_or_none, None)


def _row(
    incident_id: str,
    lead: str,
    status: str,
    occurred: datetime,
    informed: datetime | None,
    closed: datetime | None,
) -> tuple[object, ...]:
    stamp = to_db(occurred)
    return (
        incident_id,
        f"Sự cố {incident_id} tại {lead}",
        lead,
        status,
        stamp,
        stamp,
        to_db(informed) if informed else None,
        to_db(closed) if closed else None,
        stamp,
        stamp,
    )


def seed(db_path: Path, history: int, today: int) -> int:
    unit_rows = units()
    codes = [code for code, *_ in unit_rows]
    created = to_db(NOW - timedelta(days=800))
    rows = list(incident_rows(history, today, codes))
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
            spokespersons(codes, random.Random(1)),
        )
        db.executemany(
            "INSERT INTO incidents (id, title, lead_unit, status, occurred_at, received_at,"
            " informed_at, closed_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        informed = [row for row in rows if row[6]]
        db.executemany(
            "INSERT INTO statements (incident_id, kind, channel, lang, template, body,"
            " fact_version, status, issued_at, issued_by, created_at, updated_at)"
            " VALUES (?, 'initial', 'press-release', 'vi', 'press-release', 'Thông cáo', 1,"
            " 'issued', ?, 'Người phát ngôn', ?, ?)",
            [(row[0], row[6], row[6], row[6]) for row in informed[::2]],
        )
        db.executemany(
            "INSERT INTO events (at, actor, kind, incident_id, unit_code, detail)"
            " VALUES (?, 'bench', 'conflicts-found', ?, ?, '{}')",
            [(row[6], row[0], row[2]) for row in informed[::7]],
        )
        seed_press(db, rows, codes)
        db.execute("COMMIT")
    finally:
        db.close()
    return len(rows)


def seed_press(db: sqlite3.Connection, rows: list[tuple[object, ...]], codes: list[str]) -> None:
    """The register the annual report counts, one record per two incidents (each kind)."""
    rng = random.Random(7)
    moments = [str(row[4]) for row in rows]
    for index, at in enumerate(moments[::2]):
        kind = "conference" if index % 2 else "briefing"
        db.execute(
            "INSERT INTO press_events (kind, unit_code, at, online, created_at)"
            " VALUES (?, ?, ?, 0, ?)",
            (kind, rng.choice(codes), at, at),
        )
        answered = at if index % 2 else None
        db.execute(
            "INSERT INTO press_requests (unit_code, outlet, received_at, about, answered_at,"
            " outcome, created_at, updated_at) VALUES (?, 'Báo', ?, 'Hỏi', ?, ?, ?, ?)",
            (rng.choice(codes), at, answered, "replied" if answered else None, at, at),
        )
    for at in moments[::10]:
        db.execute(
            "INSERT INTO press_corrections (unit_code, outlet, published_at, claim,"
            " created_at, updated_at) VALUES (?, 'Trang tin', ?, 'Tin sai', ?, ?)",
            (rng.choice(codes), at, at, at),
        )


def commands(bin_path: Path) -> list[tuple[str, list[str]]]:
    python, spokes = str(bin_path / "python"), str(bin_path / "spokes")
    day = [spokes, "report", "day", "--date", REPORT_DAY.isoformat()]
    annual_json = [spokes, "report", "annual", "--details", "--format", "json"]
    return [
        (BASELINE, [python, "-c", "import typer"]),
        ("spokes unit list (for reference)", [spokes, "unit", "list"]),
        ("spokes report day", day),
        ("spokes report day --format json", [*day, "--format", "json"]),
        ("spokes report day --format html", [*day, "--format", "html"]),
        ("spokes report period (a year)", [spokes, "report", "period", "--from", "30/11/2025"]),
        ("spokes report annual", [spokes, "report", "annual"]),
        ("spokes report annual --details --format json", annual_json),
        ("spokes report annual --format docx", [spokes, "report", "annual", "--format", "docx"]),
    ]


def core_ms(home: Path, repeat: int = 20) -> float:
    """The core's day report alone, in-process: the median of ``repeat`` runs."""
    os.environ["SPOKES_HOME"] = str(home)
    os.environ["SPOKES_NOW"] = NOW.isoformat()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from spokes.core.reports import day_report
    from spokes.workspace import Workspace

    ws = Workspace.load()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        day_report(ws.store, ws.config, ws.tz, REPORT_DAY, None, ws.now())
        samples.append((time.perf_counter() - started) * 1000)
    ws.close()
    return statistics.median(samples)


def report(times: dict[str, list[float]], output: dict[str, int]) -> None:
    base = statistics.median(times[BASELINE])
    width = max(len(name) for name in times)
    print(f"{'command':<{width}}  {'median':>8}  {'min':>8}  {'x typer':>7}  {'stdout':>8}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(
            f"{name:<{width}}  {median:6.1f}ms  {min(samples):6.1f}ms  {median / base:6.2f}x"
            f"  {output[name]:>7}B"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10, help="timed rounds (default 10)")
    parser.add_argument("--history", type=int, default=1_000, help="closed incidents")
    parser.add_argument("--today", type=int, default=30, help="incidents on the report day")
    args = parser.parse_args()
    bin_path = bin_dir()
    root = Path(tempfile.mkdtemp(prefix="spokes-bench-reports-"))
    home = root / "home"
    env = child_env(root, bytecode=True)
    try:
        run_once([str(bin_path / "spokes"), "unit", "list"], env)  # creates and migrates
        total = seed(home / "spokes.db", args.history, args.today)
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
        print(f"python   {sys.version.split()[0]}; load {load} on {os.cpu_count()} CPUs")
        print(f"data     {total} incidents ({args.history} history, {args.today} on the day)")
        table = commands(bin_path)
        times: dict[str, list[float]] = {name: [] for name, _ in table}
        output = {name: run_once(argv, env)[1] for name, argv in table}  # warm-up
        for _ in range(args.rounds):
            for name, argv in table:
                times[name].append(run_once(argv, env)[0])
        print(f"rounds   {args.rounds}, interleaved\n")
        report(times, output)
        ratio = statistics.median(times["spokes report day"]) / statistics.median(times[BASELINE])
        print(f"\n`spokes report day` is {ratio:.2f}x `{BASELINE}` (median)")
        print(f"core     day_report in-process: {core_ms(home):.1f} ms (median of 20)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
