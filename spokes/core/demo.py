"""The demo: a throwaway workspace built from ``examples/tan-uyen-2021``, never the user's.

Incidents are placed relative to *now*, so that the demo always shows every clock state.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from spokes import config
from spokes.core import facts, incidents, spokespersons, units
from spokes.core.incidents import Draft
from spokes.timeparse import parse_time
from spokes.workspace import CONFIG_NAME, Workspace

EXAMPLE = "tan-uyen-2021"


def example_dir() -> Path:
    """The example data: packaged with the wheel, or beside the source in a checkout."""
    packaged = Path(__file__).resolve().parent.parent / "examples" / EXAMPLE
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples" / EXAMPLE


def build(now: datetime, parent: Path | None = None) -> Workspace:
    """Creates a fresh workspace in a new temporary folder and loads the example into it."""
    source = example_dir()
    root = Path(tempfile.mkdtemp(prefix="spokes-demo-", dir=parent))
    shutil.copy(source / "config.toml", root / CONFIG_NAME)
    # Its own SQLite file, even where SPOKES_DATABASE_URL names a shared database: a demo
    # must never write made-up incidents where real units read.
    ws = Workspace(
        root=root, root_source="demo", config=config.load(root / CONFIG_NAME), own_file=True
    )
    records = units.check_import(ws.store, source / "units.csv")
    units.import_units(ws.store, records, now)
    _people(ws, source / "spokespersons.csv", now)
    opened = _incidents(ws, source / "incidents.csv", now)
    _facts(ws, source / "facts.csv", opened, now)
    return ws


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _at(ws: Workspace, text: str, now: datetime) -> datetime:
    return parse_time(text, tz=ws.tz, now=now)


def _people(ws: Workspace, path: Path, now: datetime) -> None:
    from spokes.core.inputs import PersonInput, build

    for row in _rows(path):
        person = build(
            PersonInput,
            name=row["name"],
            title=row["title"],
            phone=row["phone"],
            email=row["email"],
        )
        start = _at(ws, row["assigned"], now)
        spokespersons.assign(ws.store, row["unit"], person, start, row["decision"], now)
        if row["published"]:
            spokespersons.mark_published(ws.store, row["unit"], _at(ws, row["published"], now), now)


def _incidents(ws: Workspace, path: Path, now: datetime) -> list[str]:
    opened: list[str] = []
    for row in _rows(path):
        draft = Draft(
            title=row["title"],
            lead_unit=row["unit"],
            occurred_at=_at(ws, row["occurred"], now),
            received_at=_at(ws, row["received"], now),
            decided_at=_at(ws, row["decided"], now) if row["decided"] else None,
            category=row["category"] or None,
            severity=row["severity"] or None,
            involves=row["involves"].split() if row["involves"] else [],
        )
        incident = incidents.open_incident(ws.store, draft, ws.tz, now)
        opened.append(incident.id)
        if row["informed"]:
            informed_at = _at(ws, row["informed"], now)
            speaker = spokespersons.on_duty(ws.store, incident.lead_unit, informed_at)
            by = speaker.name if speaker else None
            incidents.inform(ws.store, incident.id, informed_at, row["channel"], by, None, now)
    return opened


def _facts(ws: Workspace, path: Path, opened: list[str], now: datetime) -> None:
    """The fact sheets of the example, and a first draft from the first one."""
    from spokes.core import statements

    def parse(text: str, key: str) -> datetime:
        return _at(ws, text, now)

    for row in _rows(path):
        change = facts.Change(row["key"], row["value"])
        facts.set_fact(ws.store, opened[int(row["incident"]) - 1], change, parse, now)
    shape = statements.Shape(None, "press-release", "vi")  # the example is a Vietnamese one
    workshop = statements.Workshop(ws.tz, None)
    statements.draft(ws.store, opened[0], shape, workshop, now)
