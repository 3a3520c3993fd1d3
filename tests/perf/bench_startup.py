"""Startup benchmark for ``spokes``, run by hand (pytest ignores ``tests/perf``).

It builds a throwaway workspace in a temporary folder (``SPOKES_HOME`` for the children; the
user's own workspace is never touched), lets ``spokes unit list`` create and migrate the
database, seeds it directly with sqlite3 (units, spokespersons, 100,000 closed and 1,000 open
incidents, a few events), then times each command as a subprocess, round-robin so that every
command sees the same machine noise, and compares it with ``python -c "import typer"``, the
cost of loading the framework alone. The goal: ``spokes status`` within 1.5x of that.

Run it on a quiet machine (the load average is printed): a test run alongside skews medians.

    .venv/bin/python tests/perf/bench_startup.py [--rounds 15] [--closed 100000] [--open 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

NOW_TEXT = "2026-11-29T14:00:00+07:00"
NOW = datetime.fromisoformat(NOW_TEXT).astimezone(UTC)
GOAL = 1.5
BASELINE = "import typer"
KINDS = ("district", "commune", "ward", "town")
CHANNELS = ("press-conference", "press-release", "portal", "social", "phone")
SEVERITIES = ("low", "medium", "high", "critical", None)
CATEGORIES = ("flood", "landslide", "fire", "traffic", "food-safety", "epidemic", None)


def to_db(moment: datetime) -> str:
    """The stored form, exactly as ``spokes.clock.to_db`` writes it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def bin_dir() -> Path:
    """The venv's ``bin``: this interpreter's if ``spokes`` sits beside it, else the repo's."""
    here = Path(sys.executable).parent
    if (here / "spokes").exists():
        return here
    return Path(__file__).resolve().parents[2] / ".venv" / "bin"


def child_env(root: Path, bytecode: bool) -> dict[str, str]:
    """The children's environment: the throwaway workspace, a frozen clock, English.

    Bytecode is cached as for a user (even if this shell sets ``PYTHONDONTWRITEBYTECODE``),
    but under ``root``, so that no ``__pycache__`` is written into the source tree.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPOKES_")}
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"):
        env.pop(var, None)
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(
        SPOKES_HOME=str(root / "home"),
        SPOKES_NOW=NOW_TEXT,
        SPOKES_LANG="en",
        SPOKES_USER="bench",
        COLUMNS="120",
    )
    return env


# -- seeding -------------------------------------------------------------------------------


def units() -> list[tuple[str, str, str, str | None]]:
    """One province, 7 districts, 42 communes and wards: 50 units."""
    rows: list[tuple[str, str, str, str | None]] = [("lc", "Tỉnh Lai Châu", "province", None)]
    for d in range(1, 8):
        district = f"d{d:02d}"
        rows.append((district, f"Huyện {d}", "district", "lc"))
        for c in range(1, 7):
            kind = KINDS[1 + (c % 3)]
            rows.append((f"{district}-c{c:02d}", f"Xã {d}.{c}", kind, district))
    return rows


def person(
    code: str,
    role: str,
    name: str,
    start: datetime,
    until: datetime | None,
    decision: str,
    published: datetime | None,
    granted_by: str | None = None,
) -> tuple[object, ...]:
    """Columns: unit_code, role, name, title, phone, email, valid_from, valid_until, decision,
    incident_id, granted_by, published_at, created_at."""
    phone = f"0912{zlib.crc32(name.encode()) % 1_000_000:06d}" if role == "regular" else None
    return (
        code,
        role,
        name,
        "Chủ tịch UBND" if role == "regular" else "Phó Chủ tịch",
        phone,
        None,
        to_db(start),
        to_db(until) if until else None,
        decision,
        None,
        granted_by,
        to_db(published) if published else None,
        to_db(start),
    )


def spokespersons(codes: list[str], rng: random.Random) -> Iterator[tuple[object, ...]]:
    """A regular spokesperson for all but every tenth unit (some with an earlier term, some
    not yet published on the e-portal); the units without one have a time-limited grant."""
    for index, code in enumerate(codes):
        if index % 10 == 9:
            start, end = NOW - timedelta(days=3), NOW + timedelta(days=30)
            name = f"Được ủy quyền {index}"
            yield person(code, "authorised", name, start, end, f"UQ {index}", start, "Chủ tịch")
            continue
        # One in seven designated a few hours ago and not yet published (status lists those).
        fresh = index % 7 == 3
        start = NOW - (timedelta(hours=5) if fresh else timedelta(days=rng.randint(2, 700)))
        if index % 4 == 0:  # an earlier term that ended when this one began
            old = start - timedelta(days=400)
            yield person(code, "regular", f"Cũ {index}", old, start, f"QĐ {index}a", old)
        published = None if fresh else start + timedelta(hours=3)
        yield person(
            code, "regular", f"Người phát ngôn {index}", start, None, f"QĐ {index}", published
        )


def incident_row(
    incident_id: str, lead: str, status: str, occurred: datetime, rng: random.Random
) -> tuple[object, ...]:
    """Columns: id, title, lead_unit, status, category, severity, location, occurred_at,
    received_at, decided_at, informed_at, informed_channel, informed_by, informed_note,
    closed_at, close_note, created_at, updated_at."""
    received = occurred + timedelta(minutes=rng.randint(0, 90))
    decided = received + timedelta(hours=rng.randint(1, 12)) if rng.random() < 0.2 else None
    if status == "closed":
        informed = occurred + timedelta(minutes=rng.randint(20, 600))
        closed = informed + timedelta(days=rng.randint(1, 20))
    else:
        # Open: about half informed already (met or late), the rest still on the clock.
        informed = (
            occurred + timedelta(minutes=rng.randint(20, 200)) if rng.random() < 0.5 else None
        )
        closed = None
    informed = min(informed, NOW) if informed else None
    return (
        incident_id,
        f"Sự cố {incident_id} tại {lead}",
        lead,
        status,
        rng.choice(CATEGORIES),
        rng.choice(SEVERITIES),
        f"Thôn {rng.randint(1, 30)}" if rng.random() < 0.7 else None,
        to_db(occurred),
        to_db(received),
        to_db(decided) if decided else None,
        to_db(informed) if informed else None,
        rng.choice(CHANNELS) if informed else None,
        "Văn phòng" if informed else None,
        None,
        to_db(closed) if closed else None,
        "Đã xử lý xong" if closed else None,
        to_db(received),
        to_db(closed or informed or received),
    )


def incidents(
    codes: list[str], closed: int, open_: int, rng: random.Random
) -> Iterator[tuple[object, ...]]:
    """Closed ones through 2025 (``2025-000001``...), open ones in the last days of 2026."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    step = timedelta(days=365) / max(closed, 1)
    for n in range(1, closed + 1):
        occurred = (start + step * (n - 1)).replace(microsecond=0)
        yield incident_row(f"2025-{n:06d}", rng.choice(codes), "closed", occurred, rng)
    for n in range(1, open_ + 1):
        # Spread over the last ten days, the newest within the last hours, so the open
        # clocks cover every state: pending, at risk, overdue, met and late.
        ago = timedelta(minutes=int(rng.random() ** 3 * 10 * 24 * 60) + 5)
        occurred = NOW - ago
        yield incident_row(f"2026-{n:04d}", rng.choice(codes), "open", occurred, rng)


def seed(db_path: Path, closed: int, open_: int) -> None:
    rng = random.Random(20261129)
    unit_rows = units()
    codes = [code for code, *_ in unit_rows]
    created = to_db(NOW - timedelta(days=800))
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
            spokespersons(codes, rng),
        )
        db.executemany(
            "INSERT INTO incidents (id, title, lead_unit, status, category, severity, location,"
            " occurred_at, received_at, decided_at, informed_at, informed_channel, informed_by,"
            " informed_note, closed_at, close_note, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            incidents(codes, closed, open_, rng),
        )
        # A few open incidents involve other units besides the lead.
        involved = [(f"2026-{n:04d}", codes[(n * 7) % len(codes)]) for n in range(1, open_ + 1, 20)]
        db.executemany(
            "INSERT OR IGNORE INTO incident_units (incident_id, unit_code) VALUES (?, ?)",
            involved,
        )
        db.executemany(
            "INSERT INTO events (at, actor, kind, incident_id, unit_code, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    to_db(NOW - timedelta(hours=n)),
                    "bench",
                    "incident-opened",
                    f"2026-{n:04d}",
                    codes[n % len(codes)],
                    '{"seeded": true}',
                )
                for n in range(1, min(open_, 20) + 1)
            ],
        )
        db.executemany(
            "INSERT INTO counters (name, value) VALUES (?, ?)",
            [("incident-2025", closed), ("incident-2026", open_)],
        )
        db.execute("COMMIT")
        # No ANALYZE: spokes never runs it, and its statistics change the query plans.
    finally:
        db.close()


# -- timing --------------------------------------------------------------------------------


def commands(bin_path: Path) -> list[tuple[str, list[str]]]:
    python, spokes = str(bin_path / "python"), str(bin_path / "spokes")
    return [
        (BASELINE, [python, "-c", "import typer"]),
        ("python (bare)", [python, "-c", "pass"]),
        ("spokes status", [spokes, "status"]),
        ("spokes status --json", [spokes, "status", "--json"]),
        ("spokes --help", [spokes, "--help"]),
        ("spokes incident list --open --json", [spokes, "incident", "list", "--open", "--json"]),
    ]


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in milliseconds, and the size of what it printed."""
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr.decode()}")
    return elapsed, len(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds (default 15)")
    parser.add_argument("--closed", type=int, default=100_000, help="closed incidents")
    parser.add_argument("--open", type=int, default=1_000, dest="open_", help="open incidents")
    parser.add_argument("--keep", action="store_true", help="keep the workspace and say where")
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="compile every module from source on each run (PYTHONDONTWRITEBYTECODE=1)",
    )
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.open_ > 9999 or args.closed > 999_999:
        parser.error("ids allow at most 9999 open and 999999 closed incidents")

    bin_path = bin_dir()
    root = Path(tempfile.mkdtemp(prefix="spokes-bench-"))
    home = root / "home"
    env = child_env(root, bytecode=not args.no_bytecode)
    try:
        started = time.perf_counter()
        run_once([str(bin_path / "spokes"), "unit", "list"], env)  # creates and migrates
        migrated = time.perf_counter()
        seed(home / "spokes.db", args.closed, args.open_)
        seeded = time.perf_counter()
        size = (home / "spokes.db").stat().st_size / 1e6
        print(f"python   {sys.version.split()[0]} ({bin_path / 'python'})")
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
        print(f"load     {load} on {os.cpu_count()} CPUs")
        print(f"home     {home}")
        cache = "not written (--no-bytecode)" if args.no_bytecode else f"under {root / 'pycache'}"
        print(f"bytecode {cache}")
        print(
            f"data     {args.closed} closed + {args.open_} open incidents, {size:.1f} MB;"
            f" create {(migrated - started) * 1000:.0f} ms, seed {(seeded - migrated):.2f} s"
        )

        table = commands(bin_path)
        times: dict[str, list[float]] = {name: [] for name, _ in table}
        output: dict[str, int] = {}
        for name, argv in table:  # warm-up: bytecode caches, page cache; checks exit codes
            _, output[name] = run_once(argv, env)
        for _ in range(args.rounds):
            for name, argv in table:
                elapsed, _ = run_once(argv, env)
                times[name].append(elapsed)

        base_median = statistics.median(times[BASELINE])
        base_min = min(times[BASELINE])
        width = max(len(name) for name in times)
        print(f"rounds   {args.rounds}, interleaved; ratio = time / `{BASELINE}`\n")
        header = f"{'command':<{width}}  {'median':>8}  {'min':>8}  {'x med':>6}  {'x min':>6}"
        print(header + f"  {'stdout':>8}")
        print("-" * (len(header) + 10))
        for name, samples in times.items():
            median, low = statistics.median(samples), min(samples)
            print(
                f"{name:<{width}}  {median:6.1f}ms  {low:6.1f}ms  {median / base_median:5.2f}x"
                f"  {low / base_min:5.2f}x  {output[name]:>7}B"
            )
        ratio = statistics.median(times["spokes status"]) / base_median
        verdict = "meets" if ratio <= GOAL else "misses"
        print(
            f"\n`spokes status` is {ratio:.2f}x `{BASELINE}` (median): {verdict} the {GOAL}x goal"
        )
    finally:
        if args.keep:
            print(f"kept     SPOKES_HOME={home}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
