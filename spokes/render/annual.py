"""The annual report as a table, CSV and JSON; its document (docx) is built by
:func:`spokes.core.annual_document.document` and laid out by :mod:`spokes.render.docx`.

The form writes a fraction as "a/b" (replies to the press / requests from the press): so do
the table and the document; CSV and JSON give both numbers in columns of their own.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from spokes.clock import iso_local
from spokes.core.annual import FIGURES, PARTS, Figures, Item, Notes, Report, fraction, items_of
from spokes.core.press import REFUSAL_GROUNDS
from spokes.i18n import t
from spokes.render import table, timefmt
from spokes.render.csvout import to_csv


def title(report: Report) -> str:
    return t("annual.title", year=report.window.year)


def subtitle(report: Report, tz: ZoneInfo) -> str:
    span = report.window
    line = t(
        "annual.window",
        first=f"{span.first:%d/%m/%Y}",
        last=f"{span.last:%d/%m/%Y}",
        made=timefmt.full(report.made_at, tz),
    )
    if report.unit is not None:
        line += " · " + t("annual.only_unit", unit=report.unit.code)
    return line


# -- table ---------------------------------------------------------------------------------


def to_table(report: Report, tz: ZoneInfo, colour: bool, width: int | None, details: bool) -> str:
    columns = [table.Column(t("annual.col.unit"), shrink=True)]
    columns += [table.Column(f"({n})", "right") for n in range(1, 7)]
    rows = [
        [line.unit.code, *(fraction(line.figures, f) for f in FIGURES)] for line in report.units
    ]
    styles: list[str | None] = [None] * len(rows)
    rows.append([t("annual.total"), *(fraction(report.total, f) for f in FIGURES)])
    styles.append("bold")
    lines = [table.paint(title(report), "bold", colour), subtitle(report, tz), ""]
    lines += [table.render(columns, rows, styles, colour, width), ""]
    lines += [f"({n}) {t(f'annual.item.{f}')}" for n, f in enumerate(FIGURES, start=1)]
    lines += _remarks(report)
    if details:
        lines += _detail_lines(report, tz)
    lines += ["", *_notes_lines(report, tz)]
    return "\n".join(lines)


def _remarks(report: Report) -> list[str]:
    found = []
    if report.total.refused:
        found.append(t("annual.remark_refused", count=report.total.refused))
    if report.total.not_yet_due:
        found.append(t("annual.remark_not_yet_due", count=report.total.not_yet_due))
    return ["", *found] if found else []


def _detail_lines(report: Report, tz: ZoneInfo) -> list[str]:
    lines: list[str] = []
    for number, figure in enumerate(FIGURES, start=1):
        items = items_of(report, figure)
        lines += ["", f"({number}) {t(f'annual.item.{figure}')}: {fraction(report.total, figure)}"]
        if not items:
            lines.append("  " + t("annual.no_records"))
        for item in items:
            mark = "✓" if item.counted else ("·" if not item.in_total else "✗")
            lines.append(f"  {mark} {_item_line(item, tz)}")
    return lines


def _item_line(item: Item, tz: ZoneInfo) -> str:
    when = timefmt.full(item.at, tz, offset=False)
    kind = {"conferences": "conference", "briefings": "briefing"}.get(item.figure, item.kind)
    if item.kind != "press-event":
        kind = item.kind
    name = t(f"annual.kind.{kind}", ref=item.ref)
    state = t(f"annual.state.{item.state}")
    note = _note_text(item)
    return f"{name}  {when}  {item.unit}  {item.text}  [{state}]" + (f" — {note}" if note else "")


def _note_text(item: Item) -> str | None:
    """A refusal's ground by its name in the law; any other note as written."""
    if item.note in REFUSAL_GROUNDS:
        return t(f"press.ground.{item.note}")
    return item.note


def _notes_lines(report: Report, tz: ZoneInfo) -> list[str]:
    notes = report.notes
    lines = [t("annual.section_two")]
    for key, text in (("difficulties", notes.difficulties), ("proposals", notes.proposals)):
        lines.append(f"  {t(f'annual.{key}')}: {text or t('annual.notes_empty')}")
    if notes.sent_at:
        lines.append(t("annual.sent_on", at=f"{notes.sent_at.astimezone(tz):%d/%m/%Y}"))
    return lines


# -- json and csv --------------------------------------------------------------------------


def _figures_json(figures: Figures) -> dict[str, Any]:
    shown: dict[str, Any] = {}
    for figure, (top, bottom) in PARTS.items():
        part: dict[str, Any] = {"count": getattr(figures, top)}
        if bottom:
            part["of"] = getattr(figures, bottom)
        shown[figure] = part
    shown["replies"]["refused"] = figures.refused
    shown["on_time"]["not_yet_due"] = figures.not_yet_due
    return shown


def item_json(item: Item, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "unit": item.unit,
        "kind": item.kind,
        "id": item.ref,
        "at": iso_local(item.at, tz),
        "text": item.text,
        "state": item.state,
        "counted": item.counted,
        "in_total": item.in_total,
        "note": item.note,
    }


def to_json(report: Report, tz: ZoneInfo, details: bool) -> dict[str, Any]:
    span = report.window
    data: dict[str, Any] = {
        "year": span.year,
        "from": span.first.isoformat(),
        "to": span.last.isoformat(),
        "zone": report.zone,
        "made_at": iso_local(report.made_at, tz),
        "unit": report.unit.code if report.unit else None,
        "units": [
            {"unit": line.unit.code, "name": line.unit.name, **_figures_json(line.figures)}
            for line in report.units
        ],
        "total": _figures_json(report.total),
        "difficulties": report.notes.difficulties,
        "proposals": report.notes.proposals,
        "sent_at": iso_local(report.notes.sent_at, tz),
        "sent_document": report.notes.sent_document,
    }
    if details:
        data["details"] = {
            figure: [item_json(item, tz) for item in items_of(report, figure)] for figure in FIGURES
        }
    return data


CSV_COLUMNS = (
    "unit",
    "name",
    "conferences",
    "briefings",
    "replies",
    "requests",
    "refused",
    "spoken",
    "incidents",
    "on_time",
    "under_deadline",
    "not_yet_due",
    "responses",
    "false_reports",
)
DETAIL_COLUMNS = ("figure", "unit", "kind", "id", "at", "state", "counted", "text", "note")


def to_csv_text(report: Report, tz: ZoneInfo, details: bool) -> str:
    """One row per unit and a total row (unit empty); with ``details``, one row per record
    behind each figure instead, to check every number against the register."""
    if details:
        rows = [
            [
                item.figure,
                item.unit,
                item.kind,
                item.ref,
                iso_local(item.at, tz) or "",
                item.state,
                "1" if item.counted else "0",
                item.text,
                item.note or "",
            ]
            for item in report.items
        ]
        return to_csv(DETAIL_COLUMNS, rows)
    rows = [_csv_row(line.unit.code, line.unit.name, line.figures) for line in report.units]
    rows.append(_csv_row("", t("annual.total"), report.total))
    return to_csv(CSV_COLUMNS, rows)


def _csv_row(code: str, name: str, figures: Figures) -> list[str]:
    counts = figures.as_dict()
    return [code, name, *(str(counts[key]) for key in CSV_COLUMNS[2:])]


# -- section II as one text to edit --------------------------------------------------------


def notes_form(notes: Notes) -> str:
    """Section II as the editor shows it: two headed parts, each kept as written."""
    return "\n".join(
        [
            f"# {t('annual.difficulties')}",
            notes.difficulties or "",
            "",
            f"# {t('annual.proposals')}",
            notes.proposals or "",
            "",
        ]
    )


def read_notes_form(text: str) -> tuple[str, str]:
    """The two parts of :func:`notes_form`, by their headings (in either language)."""
    from spokes.errors import InvalidInput
    from spokes.messages import MESSAGES

    headings = {
        **{f"# {name}".casefold(): "difficulties" for name in MESSAGES["annual.difficulties"]},
        **{f"# {name}".casefold(): "proposals" for name in MESSAGES["annual.proposals"]},
    }
    parts: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.replace("\r\n", "\n").split("\n"):
        key = headings.get(line.strip().casefold())
        if key is not None:
            current = parts.setdefault(key, [])
        elif current is not None:
            current.append(line)
        elif line.strip():
            raise InvalidInput("annual.notes_form")
    if set(parts) != {"difficulties", "proposals"}:
        raise InvalidInput("annual.notes_form")
    return "\n".join(parts["difficulties"]), "\n".join(parts["proposals"])
