"""The annual report as the decree's form, in the Decree 30/2020 layout: issuing body and
"Số: …/BC-…", national heading, place and date, "BÁO CÁO VỀ CÔNG TÁC PHÁT NGÔN VÀ CUNG CẤP
THÔNG TIN CHO BÁO CHÍ NĂM …", section I (the six figures, then a table per unit when there is
more than one), section II (difficulties, proposals), recipients and signer.

English gets the same parts laid out plainly, as a press release in English is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from spokes.config import Config
from spokes.core.annual import FIGURES, Report, fraction
from spokes.core.documents import (
    Document,
    Issuer,
    Signer,
    body_code,
    capitals,
    document_place,
    full_name,
    in_lang,
)
from spokes.core.spokespersons import regular_at
from spokes.core.units import Unit, all_units, find
from spokes.dates import date_line
from spokes.store import Store

TYPE_CODE = "BC"  # Decree 30/2020, Appendix III: Báo cáo


@dataclass(frozen=True)
class AnnualDocument:
    document: Document  # the heading, section I's items (content), recipients and signer
    period: str  # "(Từ ngày 15/12/2025 đến ngày 14/12/2026)", under the title
    grid_title: str | None  # the table per unit, when there is more than one unit
    grid_header: tuple[str, ...]
    grid_rows: tuple[tuple[str, ...], ...]
    section_two: tuple[str, ...]
    notes_missing: bool  # section II has no text yet: `report annual notes`


def issuing_unit(store: Store, report: Report) -> Unit | None:
    """Whose report it is: the unit asked for; else the one unit at the top of the
    directory (the province's or district's People's Committee); else none (the config's
    ``org`` names the body)."""
    if report.unit is not None:
        return report.unit
    roots = [unit for unit in all_units(store) if unit.parent_code is None]
    return roots[0] if len(roots) == 1 else None


def document(
    store: Store, config: Config, report: Report, tz: ZoneInfo, lang: str, at: datetime
) -> AnnualDocument:
    vi = lang == "vi"
    unit = issuing_unit(store, report)
    name = unit.name if unit else config.org
    issuer = _issuer(store, unit, name or in_lang("annual.doc.body_unknown", lang), vi)
    if not name:  # no body known: a blank to fill in, not the initials of the placeholder
        issuer = replace(issuer, code="…")
    place = document_place(store, unit, config.place) if unit else (config.place or "")
    written = date_line(at, tz, lang)
    year = str(report.window.year)
    return AnnualDocument(
        document=Document(
            form="report",
            lang=lang,
            incident_id=None,
            statement_id=None,
            addressee_code=None,
            draft_mark=None,
            issuer=issuer,
            number=in_lang("doc.number_typed", lang, type=TYPE_CODE, code=issuer.code)
            if vi
            else None,
            nation=in_lang("doc.nation", lang) if vi else None,
            motto=in_lang("doc.motto", lang) if vi else None,
            day=at.astimezone(tz).date(),
            dateline=in_lang("doc.dateline", lang, place=place, date=written) if place else written,
            type_name=in_lang("annual.doc.type", lang),
            summary=in_lang("annual.doc.summary", lang, year=year),
            addressee=None,
            content=_section_one(report, lang),
            signer=_signer(store, unit, at, lang),
            recipients_label=in_lang("doc.recipients", lang),
            recipients=(
                in_lang("annual.doc.recipient_ministry", lang),
                in_lang("doc.recipient_archive", lang),
            ),
        ),
        period=_period(report, tz, lang),
        grid_title=in_lang("annual.doc.by_unit", lang) if len(report.units) > 1 else None,
        grid_header=(
            in_lang("dir.col.number", lang),
            in_lang("annual.doc.col_unit", lang),
            *(f"({n})" for n in range(1, 7)),
        ),
        grid_rows=_grid(report, lang) if len(report.units) > 1 else (),
        section_two=_section_two(report, lang),
        notes_missing=not (report.notes.difficulties or report.notes.proposals),
    )


def _period(report: Report, tz: ZoneInfo, lang: str) -> str:
    """The year's dates; made before its end, the day the figures stop too."""
    span, made = report.window, report.made_at.astimezone(tz).date()
    dates = {"first": f"{span.first:%d/%m/%Y}", "last": f"{span.last:%d/%m/%Y}"}
    if made < span.last:
        return in_lang("annual.doc.window_so_far", lang, made=f"{made:%d/%m/%Y}", **dates)
    return in_lang("annual.doc.window", lang, **dates)


def _issuer(store: Store, unit: Unit | None, name: str, vi: bool) -> Issuer:
    code = body_code(name) or (unit.code.upper() if unit else "")
    if not vi:
        return Issuer(None, name, code)
    parent = find(store, unit.parent_code) if unit and unit.parent_code else None
    parent_name = capitals(full_name(parent.name)) if parent and code != "UBND" else None
    return Issuer(parent_name, capitals(full_name(name)), code)


def _signer(store: Store, unit: Unit | None, at: datetime, lang: str) -> Signer:
    """The unit's regular spokesperson, by their position; a blank line to sign otherwise."""
    person = regular_at(store, unit.code, at) if unit else None
    position = person.title if person and person.title else in_lang("annual.doc.head", lang)
    return Signer(capitals(position) if lang == "vi" else position, person.name if person else "")


def _section_one(report: Report, lang: str) -> tuple[str, ...]:
    lines = [in_lang("annual.doc.section_one", lang)]
    for number, figure in enumerate(FIGURES, start=1):
        label = in_lang(f"annual.doc.item.{figure}", lang)
        lines.append(f"{number}. {label}: {fraction(report.total, figure)}.")
    return tuple(lines)


def _grid(report: Report, lang: str) -> tuple[tuple[str, ...], ...]:
    rows = [
        (str(index), line.unit.name, *(fraction(line.figures, f) for f in FIGURES))
        for index, line in enumerate(report.units, start=1)
    ]
    rows.append(
        ("", in_lang("annual.doc.total", lang), *(fraction(report.total, f) for f in FIGURES))
    )
    return tuple(rows)


def _section_two(report: Report, lang: str) -> tuple[str, ...]:
    lines = [in_lang("annual.doc.section_two", lang)]
    for number, key in enumerate(("difficulties", "proposals"), start=1):
        text = getattr(report.notes, key)
        lines.append(f"{number}. {in_lang(f'annual.doc.{key}', lang)}:")
        paragraphs = [line for line in (text or "").splitlines() if line.strip()]
        lines += paragraphs or ["…"]  # to write before signing: `report annual notes`
    return tuple(lines)
