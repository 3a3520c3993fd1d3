"""Benchmark of ``spokes export json`` and ``spokes import``, run by hand (pytest ignores it).

It builds a throwaway workspace (``SPOKES_HOME`` for the children; the user's own is never
touched) of ``--incidents`` incidents: two incidents made through the command line (facts in
several versions, statements drafted, approved and issued, the events all that records) are
exported and copied under new ids into one document, which ``spokes import`` loads (half the
incidents informed, half still running, with alarms in the calendar). Then it
times, as subprocesses, round-robin so every command sees the same machine noise, against
``python -c "import typer"``:

- ``export json -o FILE`` of that workspace;
- ``import FILE`` of that export into a new, empty workspace (creating its database);
- ``export ics -o FILE``, every deadline of every incident;
- ``unit list``, for scale: what any command of this program costs before its own work.

    .venv/bin/python tests/perf/bench_transfer.py [--rounds 7] [--incidents 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

NOW = "2026-11-29T14:00:00+07:00"
SPOKES = str(Path(sys.executable).parent / "spokes")

TEMPLATE = [
    'unit add phuc-khoa "UBND xã Phúc Khoa" --kind commune',
    'unit add cong-an "Công an huyện" --kind agency',
    'spokesperson assign phuc-khoa --name "Lù Thị Mai" --title "Chủ tịch UBND xã"'
    ' --phone "0912 000 108" --email ltmai@phuckhoa.example.vn --from "01/11/2026 08:00"',
    'incident open "Sạt lở đất tại bản Phiêng Lồm" -u phuc-khoa --occurred 13:10'
    " --received 13:25 --category landslide --severity high --involves cong-an",
    'incident open "Cháy nhà dân" -u phuc-khoa --occurred 12:50',
    'fact set 2026-0001 summary "Sạt lở đất vùi lấp hai nhà dân"',
    "fact set 2026-0001 deaths 2",
    "fact set 2026-0001 injured 5",
    "fact set 2026-0001 next_update_at 17:00",
    "statement draft 2026-0001 --lang vi",
    "statement draft 2026-0001 --channel sms --lang vi",
    'statement approve 1 --by "Lù Thị Mai"',
    "statement issue 1",  # 2026-0002 stays uninformed: its deadlines have alarms
]


def spokes(home: Path, *args: str) -> float:
    """Runs one command; returns its wall time in seconds. A failure stops the benchmark."""
    env = {**os.environ, "SPOKES_HOME": str(home), "SPOKES_NOW": NOW, "SPOKES_LANG": "en"}
    start = time.perf_counter()
    done = subprocess.run([SPOKES, *args], env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"spokes {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return elapsed


def baseline() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import typer"], check=True)
    return time.perf_counter() - start


def template(folder: Path) -> dict[str, Any]:
    import shlex

    home = folder / "template"
    for line in TEMPLATE:
        spokes(home, *shlex.split(line))
    spokes(home, "export", "json", "-o", str(folder / "template.json"))
    document: dict[str, Any] = json.loads((folder / "template.json").read_text(encoding="utf-8"))
    return document


def scaled(document: dict[str, Any], incidents: int) -> dict[str, Any]:
    """``incidents`` copies of the template's incidents, each with its own rows and ids."""
    per_incident = ("incident_units", "fact_versions", "statements", "events", "reminders")
    big = {key: value for key, value in document.items() if key not in per_incident}
    big["incidents"] = []
    for table in per_incident:
        big[table] = [row for row in document[table] if row.get("incident_id") is None]
    next_id = {
        table: 1 + max((row["id"] for row in big[table]), default=0) for table in per_incident
    }
    originals = document["incidents"]
    for number in range(1, incidents + 1):
        source = originals[(number - 1) % len(originals)]
        new_id = f"2026-{number:04d}"
        big["incidents"].append(dict(source, id=new_id))
        for table in per_incident:
            for row in document[table]:
                if row.get("incident_id") != source["id"]:
                    continue
                copy = dict(row, incident_id=new_id)
                if "id" in copy:
                    copy["id"], next_id[table] = next_id[table], next_id[table] + 1
                big[table].append(copy)
    big["events"].sort(key=lambda row: row["id"])
    big["counters"] = [{"name": "incident-2026", "value": incidents}]
    return big


def seed(folder: Path, incidents: int) -> tuple[Path, dict[str, int]]:
    document = scaled(template(folder), incidents)
    source = folder / "seed.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    home = folder / "workspace"
    spokes(home, "import", str(source))
    counts = {key: len(value) for key, value in document.items() if isinstance(value, list)}
    return home, counts


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=7)
    options.add_argument("--incidents", type=int, default=1000)
    args = options.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="spokes-bench-") as name:
        folder = Path(name)
        home, counts = seed(folder, args.incidents)
        print("workspace: " + ", ".join(f"{count:,} {table}" for table, count in counts.items()))
        exported = folder / "export.json"
        names = ("typer", "list", "export", "import", "ics")
        times: dict[str, list[float]] = {name: [] for name in names}
        for round_ in range(args.rounds):
            times["typer"].append(baseline())
            times["list"].append(spokes(home, "unit", "list"))
            times["export"].append(spokes(home, "export", "json", "-o", str(exported)))
            times["import"].append(spokes(folder / f"copy-{round_}", "import", str(exported)))
            times["ics"].append(spokes(home, "export", "ics", "-o", str(folder / "all.ics")))
        size = exported.stat().st_size
        base = statistics.median(times["typer"])
        print(f"import typer: {base * 1000:.1f} ms (median of {args.rounds})")
        labels = {
            "list": "unit list (any command, for scale)",
            "export": f"export json ({size / 1024 / 1024:.1f} MB)",
            "import": "import into an empty workspace",
            "ics": "export ics (every deadline)",
        }
        for key, label in labels.items():
            median = statistics.median(times[key])
            print(f"{label:<36} {median * 1000:7.1f} ms  {median / base:5.2f}x")


if __name__ == "__main__":
    main()
