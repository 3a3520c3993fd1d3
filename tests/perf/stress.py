"""Stress test of many writers at once, on SQLite and PostgreSQL, run by hand (pytest ignores
``tests/perf``).

For each backend it makes a throwaway workspace (a temporary ``SPOKES_HOME``; for PostgreSQL
also a fresh schema, made with psycopg and dropped at the end; the user's own workspace is never
touched), sets up four units with their spokespersons and one SHARED incident through the CLI,
then starts ``--processes`` worker processes. For ``--seconds``, on the real clock and each as
its own ``SPOKES_USER``, every worker calls the CLI in-process (typer's ``CliRunner`` on
``spokes.cli.app``) in a random mix of:

- ``incident open --json``, some occurred a little under 2 hours ago, so that reminder
  thresholds and deadlines are crossed during the run;
- ``fact set`` on its own incident and on the shared one, and ``fact edit`` of the shared one
  through an editor that takes its time: concurrent edits are merged when they touch different
  facts and refused when they touch the same;
- ``statement draft``, ``approve`` and ``issue`` on its own incident (sometimes with 3 processes
  racing to issue the same approved statement: exactly one may win) or on the shared one;
- ``remind``, whose only channel writes to standard output.

Each command counts as ok, as refused for a reason the README gives (busy, already issued, edit
conflict, approval gone stale, second initial statement, changed issued figures), or as an
unexpected error, whose stderr is printed (the first few). Then the database itself (sqlite3 or
psycopg) is checked: incident ids unique, gapless per year and the very ids the workers saw;
fact versions 1..k per incident, one per change reported, each holding what was reported; each
statement issued once, one winner per race; each reminder sent once, and printed once; nothing
an ok-reported command wrote is missing. It prints the figures of each backend, then the ratio
PostgreSQL/SQLite of operations per second, and exits 1 when a check fails or anything
unexpected happened.

PostgreSQL is ``--url``, else ``SPOKES_TEST_DATABASE_URL``, else the CI server of
``.ci/postgres``; its role must be allowed to CREATE SCHEMA.

    python tests/perf/stress.py --processes 16 --seconds 20 [--backend sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import random
import re
import shlex
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this tree's spokes

import typer.testing
from typer.testing import CliRunner

from spokes.cli.app import app

DEFAULT_URL = "postgresql://spokes:ci-secret@127.0.0.1:54329/spokes_test"  # .ci/postgres
TMP = tempfile.gettempdir()  # before any worker points TMPDIR into its workspace
CTX = multiprocessing.get_context("fork")  # workers start with spokes already imported
# typer's CliRunner builds the click command anew on every call, 85% of the time of a `fact
# set`: the app never changes, so it is built once.
typer.testing._get_command = functools.cache(typer.testing._get_command)
RUNNER = CliRunner()
CHANNEL = "stress-stdout"
UNITS = [  # code, name, kind, parent, spokesperson
    ("lai-chau", "UBND tỉnh Lai Châu", "province", None, "Giàng A Lử"),
    ("tan-uyen", "UBND huyện Tân Uyên", "district", "lai-chau", "Lò Văn Thành"),
    ("phuc-khoa", "UBND xã Phúc Khoa", "commune", "tan-uyen", "Lù Thị Mai"),
    ("muong-khoa", "UBND xã Mường Khoa", "commune", "tan-uyen", "Tòng Văn Sơn"),
]
OWN_KEYS = ("injured", "evacuated", "houses_damaged")
SHARED_KEYS = ("deaths", "injured", "missing", "evacuated", "houses_damaged")
RACE_SHARE = 0.25  # of the statements on a worker's own incident
LEGAL = {  # a phrase of the English message -> the kind of refusal the README allows
    "is busy: another spokes command": "busy",
    "was already issued": "already issued",
    "while you were editing": "edit conflict",
    ": approve it again": "stale approval",
    "already gave the initial information": "second initial",
    "changes figures already issued": "changes issued figures",
}
CONFIG = f"""\
[workspace]
org = "Văn phòng thử tải"
lang = "en"

[remind]
before = ["60m", "30m", "15m"]
overdue_every = "30m"

[[remind.channels]]
type = "stdout"
name = "{CHANNEL}"
"""
EDITOR = '''\
"""The stress test's $EDITOR: notes the version it was given, waits, sets one count."""
import re, sys, time
key, value, base_file, delay, path = sys.argv[1:6]
text = open(path, encoding="utf-8").read()
open(base_file, "w").write(re.search(r"\\(version (\\d+)\\)", text).group(1))
time.sleep(float(delay))
text = re.sub(rf"^(# )?{key} = .*$", f"{key} = {value}", text, count=1, flags=re.M)
open(path, "w", encoding="utf-8").write(text)
'''


# -- one command, and what became of it ------------------------------------------------------


@dataclass
class Call:
    code: int
    out: str
    err: str
    kind: str | None  # "ok", the kind of a legal refusal, or None: unexpected


def cli(*args: str, env: dict[str, str] | None = None) -> Call:
    """``spokes ARGS`` in this process, as the tests run it."""
    raw = RUNNER.invoke(app, list(args), env=env, catch_exceptions=True)
    if raw.exception is not None and not isinstance(raw.exception, SystemExit):
        trace = "".join(traceback.format_exception(raw.exception))
        return Call(raw.exit_code, raw.stdout, raw.stderr + trace, None)
    return Call(raw.exit_code, raw.stdout, raw.stderr, classify(raw.exit_code, raw.stderr))


def classify(code: int, err: str) -> str | None:
    if code == 0:
        return "ok"
    if code != 1:
        return None
    line = err.strip().splitlines()[-1] if err.strip() else ""
    found = re.search(r"cannot be issued: (.*)\. Nothing was issued", line)
    reasons = found.group(1).split("; ") if found else [line]
    kinds = [next((k for p, k in LEGAL.items() if p in reason), None) for reason in reasons]
    return None if None in kinds else " + ".join(sorted(set(map(str, kinds))))


def first_json(text: str) -> Any:
    """The JSON document at the start of ``text`` (a note may follow it)."""
    return json.JSONDecoder().raw_decode(text.lstrip())[0]


@dataclass
class Tally:
    """What one process did: every command's outcome, and every record it says it wrote."""

    ops: Counter[tuple[str, str]] = field(default_factory=Counter)  # (command, outcome)
    refusals: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)  # the first few, in full
    opened: list[tuple[str, str]] = field(default_factory=list)  # (incident, title)
    # (incident, version, key, value) of each fact change reported
    facts: list[tuple[str, int, str, Any]] = field(default_factory=list)
    drafted: list[tuple[int, str]] = field(default_factory=list)  # (statement, incident)
    approved: list[tuple[int, str]] = field(default_factory=list)  # (statement, by)
    issued: list[int] = field(default_factory=list)
    # (statement, winners, losers refused as "already issued") of each race
    races: list[tuple[int, int, int]] = field(default_factory=list)
    merged: int = 0  # fact edits saved on top of someone else's change
    reminder_lines: int = 0  # reminders printed by the stdout channel

    def count(self, name: str, call: Call) -> bool:
        """Counts one command; True when it succeeded."""
        outcome = {"ok": "ok", None: "error"}.get(call.kind, "refused")
        self.ops[(name, outcome)] += 1
        if outcome == "refused":
            self.refusals[str(call.kind)] += 1
        elif outcome == "error" and len(self.errors) < 5:
            text = (call.err or call.out).strip()
            self.errors.append(f"{name} (exit {call.code}): {text}")
        return outcome == "ok"

    def add(self, other: Tally) -> None:
        self.ops.update(other.ops)
        self.refusals.update(other.refusals)
        for name in ("errors", "opened", "facts", "drafted", "approved", "issued", "races"):
            getattr(self, name).extend(getattr(other, name))
        self.merged += other.merged
        self.reminder_lines += other.reminder_lines

    @property
    def total(self) -> int:
        return sum(self.ops.values())

    @property
    def unexpected(self) -> int:
        return sum(n for (_, outcome), n in self.ops.items() if outcome == "error")


# -- the workspace ---------------------------------------------------------------------------


def in_schema(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


def use_workspace(root: Path, url: str | None, user: str) -> None:
    """This process's environment: the throwaway workspace, the real clock, English."""
    for var in ("SPOKES_NOW", "SPOKES_DATABASE_URL", "SPOKES_DEBUG", "VISUAL", "EDITOR"):
        os.environ.pop(var, None)
    os.environ.update(
        SPOKES_HOME=str(root / "home"),
        SPOKES_USER=user,
        SPOKES_LANG="en",
        NO_COLOR="1",
        TMPDIR=str(root / "tmp"),
    )
    if url:
        os.environ["SPOKES_DATABASE_URL"] = url
    tempfile.tempdir = str(root / "tmp")  # where `fact edit` writes its file


def must(tally: Tally, name: str, *args: str) -> Call:
    call = cli(*args)
    if not tally.count(name, call):
        sys.exit(f"set-up failed: spokes {shlex.join(args)}: {call.err or call.out}")
    return call


def set_up(root: Path, url: str | None) -> tuple[str, Tally]:
    """Units, spokespersons and the shared incident; returns its id and what was written."""
    (root / "home").mkdir(parents=True)
    (root / "tmp").mkdir()
    (root / "home" / "config.toml").write_text(CONFIG, encoding="utf-8")
    (root / "edit_fact.py").write_text(EDITOR, encoding="utf-8")
    use_workspace(root, url, "setup")
    tally = Tally()
    for number, (code, name, kind, parent, person) in enumerate(UNITS, start=1):
        must(tally, "unit add", "unit", "add", code, name, "--kind", kind, *parent_of(parent))
        must(
            tally,
            "spokesperson assign",
            *("spokesperson", "assign", code, "--name", person, "--title", "Chủ tịch UBND"),
            *("--phone", f"0912 000 {number:03d}", "--email", f"nguoi{number}@{code}.example.vn"),
            *("--from", "-1d", "--decision", f"Số {number:02d}/QĐ-UBND"),
        )
    title = "Mưa lũ trên địa bàn tỉnh (sự cố chung)"
    call = must(tally, "incident open", "incident", "open", title, "-u", "lai-chau", "--json")
    shared = first_json(call.out)["id"]
    tally.opened.append((shared, title))
    summary = "Mưa lớn gây ngập úng nhiều nơi"
    call = must(tally, "fact set", "fact", "set", shared, "summary", summary, "--json")
    tally.facts.append((shared, first_json(call.out)["version"], "summary", summary))
    # Also loads, before the workers are forked, what drafting and reminding import.
    call = must(tally, "statement draft", "statement", "draft", shared, "--json")
    tally.drafted.append((first_json(call.out)["id"], shared))
    must(tally, "remind", "remind")
    return shared, tally


def parent_of(parent: str | None) -> list[str]:
    return ["--parent", parent] if parent else []


# -- a worker --------------------------------------------------------------------------------


@dataclass
class Worker:
    number: int
    root: Path
    shared: str
    seconds: float
    rng: random.Random
    tally: Tally = field(default_factory=Tally)
    own: str | None = None  # the incident it opened last (not one near its deadline)
    seq: int = 0

    @property
    def unit(self) -> str:
        return UNITS[self.number % len(UNITS)][0]

    def value(self) -> int:
        """A count no other change ever sets, so that every ``fact set`` makes a version."""
        self.seq += 1
        return self.number * 100_000 + self.seq


def open_incident(w: Worker, near: bool = False) -> None:
    w.seq += 1
    title = f"Sự cố {w.number}-{w.seq}" + (" sắp đến hạn" if near else "")
    args = ["incident", "open", title, "-u", w.unit, "--json"]
    if near:  # due within the run: its thresholds and deadline are crossed while it runs
        due_in = timedelta(seconds=w.rng.uniform(2, w.seconds))
        occurred = datetime.now(UTC) - timedelta(hours=2) + due_in
        args += ["--occurred", occurred.isoformat(timespec="seconds")]
    call = cli(*args)
    if w.tally.count("incident open", call):
        incident = first_json(call.out)["id"]
        w.tally.opened.append((incident, title))
        if not near:
            w.own = incident


def set_fact(w: Worker, incident: str, keys: tuple[str, ...], name: str) -> None:
    key, value = w.rng.choice(keys), w.value()
    call = cli("fact", "set", incident, key, str(value), "--json")
    if w.tally.count(name, call):
        w.tally.facts.append((incident, first_json(call.out)["version"], key, value))


def edit_shared(w: Worker) -> None:
    """``fact edit`` in an editor that waits: others save meanwhile, on the same key or not."""
    key, value = w.rng.choice(SHARED_KEYS), w.value()
    base = w.root / "tmp" / f"base-{w.number}"
    delay = f"{w.rng.uniform(0.1, 0.5):.2f}"
    script = [sys.executable, "-I", "-S", str(w.root / "edit_fact.py")]
    editor = shlex.join([*script, key, str(value), str(base), delay])
    call = cli("fact", "edit", w.shared, "--json", env={"EDITOR": editor})
    if w.tally.count("fact edit (shared)", call):
        version = first_json(call.out)["version"]
        w.tally.facts.append((w.shared, version, key, value))
        w.tally.merged += version > int(base.read_text()) + 1


def statement(w: Worker, incident: str, race: bool) -> None:
    """Draft, approve, issue; each step only after the one before it succeeded."""
    call = cli("statement", "draft", incident, "--json")
    if not w.tally.count("statement draft", call):
        return
    sid = first_json(call.out)["id"]
    w.tally.drafted.append((sid, incident))
    by = f"Trưởng ban {w.number}"
    if not w.tally.count("statement approve", cli("statement", "approve", str(sid), "--by", by)):
        return
    w.tally.approved.append((sid, by))
    if race:
        issue_race(w, sid)
    elif w.tally.count("statement issue", cli("statement", "issue", str(sid), "--json")):
        w.tally.issued.append(sid)


def issue_race(w: Worker, sid: int, racers: int = 3) -> None:
    """``racers`` processes issue one statement at the same moment: one may succeed."""
    barrier, results = CTX.Barrier(racers), CTX.Queue()
    processes = [CTX.Process(target=racer, args=(sid, barrier, results)) for _ in range(racers)]
    for process in processes:
        process.start()
    calls = [results.get(timeout=300) for _ in processes]
    for process in processes:
        process.join()
    winners = losers = 0
    for call in calls:
        if w.tally.count("statement issue (race)", call):
            winners += 1
            w.tally.issued.append(sid)
        losers += call.kind == "already issued"
    w.tally.races.append((sid, winners, losers))


def racer(sid: int, barrier: Any, results: Any) -> None:
    barrier.wait(timeout=120)
    results.put(cli("statement", "issue", str(sid), "--json"))


def remind(w: Worker) -> None:
    call = cli("remind")
    w.tally.count("remind", call)
    w.tally.reminder_lines += sum(line.startswith("Reminder ") for line in call.out.splitlines())


MIX: list[tuple[int, Callable[[Worker], None]]] = [  # weight, action
    (10, lambda w: open_incident(w)),
    (5, lambda w: open_incident(w, near=True)),
    (20, lambda w: set_fact(w, str(w.own), OWN_KEYS, "fact set (own)")),
    (20, lambda w: set_fact(w, w.shared, SHARED_KEYS, "fact set (shared)")),
    (5, edit_shared),
    (15, lambda w: statement(w, str(w.own), race=w.rng.random() < RACE_SHARE)),
    (5, lambda w: statement(w, w.shared, race=False)),
    (15, remind),
]


def work(w: Worker, url: str | None, start: Any, results: Any) -> None:
    """One worker process: the mix, until its time is up; then its tally to the parent."""
    use_workspace(w.root, url, f"worker-{w.number}")
    weights, actions = zip(*MIX, strict=True)
    try:
        start.wait()
        stop = time.monotonic() + w.seconds
        while time.monotonic() < stop:
            if w.own is None:
                open_incident(w)
            else:
                w.rng.choices(actions, weights)[0](w)
    except Exception:  # a bug of this script or of the program: reported, never hidden
        w.tally.count("worker", Call(-1, "", traceback.format_exc(), None))
    finally:
        results.put(w.tally)


def run_workers(template: Worker, url: str | None, processes: int) -> tuple[Tally, float]:
    start, results = CTX.Event(), CTX.Queue()
    workers = [
        CTX.Process(
            target=work,
            args=(replace(template, number=n, rng=random.Random(n)), url, start, results),
        )
        for n in range(1, processes + 1)
    ]
    for process in workers:
        process.start()
    began = time.monotonic()
    start.set()
    tally = Tally()
    for _ in workers:
        tally.add(results.get(timeout=template.seconds + 900))
    elapsed = time.monotonic() - began
    for process in workers:
        process.join()
    return tally, elapsed


# -- checks, from the database itself ----------------------------------------------------------


class Db:
    """Plain SQL on the workspace's database: sqlite3 or psycopg, ``?`` placeholders."""

    def __init__(self, root: Path, url: str | None) -> None:
        if url:
            import psycopg

            self.conn: Any = psycopg.connect(url, autocommit=True)
            self.mark = "%s"
        else:
            self.conn = sqlite3.connect(root / "home" / "spokes.db")
            self.mark = "?"

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.conn.execute(sql.replace("?", self.mark), params)]

    def close(self) -> None:
        self.conn.close()


Check = tuple[str, bool, str]  # what, passed, the figures behind it


def check_ids(db: Db, t: Tally) -> Check:
    ids = [row[0] for row in db.rows("SELECT id FROM incidents")]
    seen = [incident for incident, _ in t.opened]
    numbers: dict[str, list[int]] = defaultdict(list)
    for incident in ids:
        year, number = incident.split("-")
        numbers[year].append(int(number))
    gaps = [y for y, ns in numbers.items() if sorted(ns) != list(range(1, len(ns) + 1))]
    twice = len(seen) - len(set(seen))
    lost, unknown = set(seen) - set(ids), set(ids) - set(seen)
    passed = not gaps and not twice and not lost and not unknown and len(ids) == len(set(ids))
    spans = ", ".join(f"{y}-0001..{y}-{len(ns):04d}" for y, ns in sorted(numbers.items()))
    detail = (
        f"{len(ids)} incidents ({spans}); gaps in {gaps or 'none'}; seen twice {twice};"
        f" lost {len(lost)}; never reported {len(unknown)}"
    )
    return "incident ids unique, gapless, as seen", passed, detail


def stored_versions(db: Db) -> dict[tuple[str, int], dict[str, Any]]:
    rows = db.rows("SELECT incident_id, version, facts FROM fact_versions")
    return {(incident, int(version)): json.loads(facts) for incident, version, facts in rows}


def check_versions(db: Db, t: Tally) -> Check:
    versions: dict[str, list[int]] = defaultdict(list)
    for incident, version in stored_versions(db):
        versions[incident].append(version)
    gaps = [i for i, vs in versions.items() if sorted(vs) != list(range(1, len(vs) + 1))]
    reported = Counter(incident for incident, *_ in t.facts)
    audit = Counter(
        row[0] for row in db.rows("SELECT incident_id FROM events WHERE kind = 'facts-changed'")
    )
    keys = set(versions) | set(reported)
    uncounted = [i for i in keys if not len(versions[i]) == reported[i] == audit[i]]
    twice = len(t.facts) - len({(incident, version) for incident, version, *_ in t.facts})
    passed = not gaps and not uncounted and not twice
    total = sum(map(len, versions.values()))
    detail = (
        f"{total} versions of {len(versions)} incidents, {len(t.facts)} changes reported"
        f" ({t.merged} edits merged); gaps {len(gaps)}, not one per change {len(uncounted)},"
        f" one version reported twice {twice}"
    )
    return "fact versions 1..k, one per change", passed, detail


def check_issued(db: Db, t: Tally) -> Check:
    events = db.rows("SELECT detail FROM events WHERE kind = 'statement-issued'")
    per = Counter(json.loads(detail)["statement"] for (detail,) in events)
    issued = {row[0] for row in db.rows("SELECT id FROM statements WHERE status = 'issued'")}
    reported = Counter(t.issued)
    twice = [sid for sid, n in per.items() if n > 1] + [s for s, n in reported.items() if n > 1]
    passed = not twice and set(per) == issued == set(reported)
    detail = (
        f"{len(issued)} issued, {len(per)} with an event, {len(reported)} reported issued;"
        f" issued twice {len(twice)}"
    )
    return "no statement issued twice", passed, detail


def check_races(t: Tally) -> Check:
    bad = [race for race in t.races if race[1] != 1]
    refused = sum(losers for _, _, losers in t.races)
    detail = f"{len(t.races)} races of 3, {len(bad)} without exactly one winner, "
    return "each issue race had one winner", not bad, detail + f"{refused} 'already issued'"


def check_reminders(db: Db, t: Tally) -> list[Check]:
    twice = db.rows(
        "SELECT incident_id, rule, due_at, threshold, channel FROM reminders"
        " WHERE outcome = 'sent' GROUP BY incident_id, rule, due_at, threshold, channel"
        " HAVING COUNT(*) > 1"
    )
    sent = db.rows(
        "SELECT COUNT(*) FROM reminders WHERE outcome = 'sent' AND channel = ?", (CHANNEL,)
    )[0][0]
    left = dict(db.rows("SELECT outcome, COUNT(*) FROM reminders GROUP BY outcome"))
    left.pop("sent", None)
    detail = f"{sent} sent, twice {len(twice)}, not sent {left or 'none'}"
    printed = f"{t.reminder_lines} printed, {sent} rows sent"
    return [
        ("reminders sent once", not twice and not left and sent > 0, detail),
        ("reminders printed = rows sent", t.reminder_lines == sent, printed),
    ]


def check_written(db: Db, t: Tally) -> Check:
    """Every record an ok-reported command wrote is there, as it reported it."""
    titles = dict(db.rows("SELECT id, title FROM incidents"))
    lost = [i for i, title in t.opened if titles.get(i) != title]
    versions = stored_versions(db)
    lost += [
        f"{i} v{v} {key}"
        for i, v, key, value in t.facts
        if versions.get((i, v), {}).get(key, {}).get("value") != value
    ]
    statements = {
        int(sid): (incident, by)
        for sid, incident, by in db.rows("SELECT id, incident_id, approved_by FROM statements")
    }
    lost += [f"draft {s}" for s, i in t.drafted if statements.get(s, (None,))[0] != i]
    lost += [f"approval {s}" for s, by in t.approved if statements.get(s, (0, None))[1] != by]
    written = len(t.opened) + len(t.facts) + len(t.drafted) + len(t.approved)
    return "nothing reported ok is missing", not lost, f"{written} records, missing {lost[:5]}"


def verify(db: Db, t: Tally) -> list[Check]:
    return [
        check_ids(db, t),
        check_versions(db, t),
        check_issued(db, t),
        check_races(t),
        *check_reminders(db, t),
        check_written(db, t),
    ]


# -- one backend, and the report ---------------------------------------------------------------


@dataclass
class Outcome:
    backend: str
    tally: Tally
    elapsed: float
    checks: list[Check]

    @property
    def rate(self) -> float:
        return self.tally.total / self.elapsed

    @property
    def passed(self) -> bool:
        return all(passed for _, passed, _ in self.checks) and not self.tally.unexpected


def run_backend(backend: str, args: argparse.Namespace) -> Outcome:
    root = Path(tempfile.mkdtemp(prefix=f"spokes-stress-{backend}-", dir=TMP))
    schema = f"stress_{uuid.uuid4().hex[:12]}" if backend == "postgresql" else None
    try:
        url = None
        if schema:
            admin(args.url, f'CREATE SCHEMA "{schema}"')
            url = in_schema(args.url, schema)
        shared, written = set_up(root, url)
        template = Worker(0, root, shared, args.seconds, random.Random(0))
        tally, elapsed = run_workers(template, url, args.processes)
        written.add(tally)
        db = Db(root, url)
        try:
            checks = verify(db, written)
        finally:
            db.close()
        return Outcome(backend, tally, elapsed, checks)
    finally:
        if schema:
            admin(args.url, f'DROP SCHEMA "{schema}" CASCADE')
        shutil.rmtree(root, ignore_errors=True)


def admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
        conn.execute(sql)


def report(outcome: Outcome, args: argparse.Namespace) -> None:
    t = outcome.tally
    print(f"\n== {outcome.backend}: {args.processes} processes x {args.seconds:g} s ==")
    print(f"operations   {t.total} in {outcome.elapsed:.1f} s: {outcome.rate:.1f} ops/s")
    names = sorted({name for name, _ in t.ops})
    width = max(map(len, names))
    print(f"  {'command':<{width}}  {'ok':>6}  {'refused':>7}  {'errors':>6}")
    for name in names:
        ok, refused, error = (t.ops[(name, outcome)] for outcome in ("ok", "refused", "error"))
        print(f"  {name:<{width}}  {ok:>6}  {refused:>7}  {error:>6}")
    refusals = ", ".join(f"{kind} {n}" for kind, n in t.refusals.most_common()) or "none"
    print(f"refusals     {refusals}")
    print(f"unexpected   {t.unexpected}")
    for text in t.errors[:5]:
        print("  " + text.replace("\n", "\n  "))
    print("checks")
    for what, passed, detail in outcome.checks:
        print(f"  {'PASS' if passed else 'FAIL'}  {what}: {detail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=16, help="workers (default 16)")
    parser.add_argument("--seconds", type=float, default=20, help="how long (default 20)")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument(
        "--url",
        default=os.environ.get("SPOKES_TEST_DATABASE_URL") or DEFAULT_URL,
        help="PostgreSQL server whose role may CREATE SCHEMA",
    )
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"python {sys.version.split()[0]}; load {load} on {os.cpu_count()} CPUs")
    outcomes = {}
    for backend in backends:
        outcomes[backend] = run_backend(backend, args)
        report(outcomes[backend], args)
    if len(outcomes) == 2:
        sqlite, postgresql = outcomes["sqlite"].rate, outcomes["postgresql"].rate
        print(
            f"\nPostgreSQL/SQLite ops/s: {postgresql / sqlite:.2f}"
            f" ({postgresql:.1f} / {sqlite:.1f})"
        )
    failed = [name for name, outcome in outcomes.items() if not outcome.passed]
    print(f"\n{'FAILED: ' + ', '.join(failed) if failed else 'all checks passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
