"""Documents ready to sign: the parts of a press release (thông cáo báo chí) or of a referral
letter (công văn), assembled from a statement, its incident, the lead unit, the speaker and the
config, in the statement's own language.

The Vietnamese parts follow the administrative layout of Decree 30/2020/NĐ-CP (Appendix I):
issuing body and number top left, national heading top right, place and date, type name and
summary line, content, signer, recipients. Renderers (``spokes.render.document``,
``spokes.render.docx``) only lay these parts out; nothing here prints or imports python-docx.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from spokes.core import facts
from spokes.core.incidents import Incident
from spokes.core.incidents import get as get_incident
from spokes.core.spokespersons import (
    DirectoryEntry,
    Spokesperson,
    authorisations_at,
    on_duty,
    regular_at,
)
from spokes.core.statements import Statement, Workshop, issued_for, referral
from spokes.core.statements import get as get_statement
from spokes.core.units import Unit, find
from spokes.core.units import get as get_unit
from spokes.dates import date_line
from spokes.errors import Refused
from spokes.messages import MESSAGES
from spokes.store import Store
from spokes.text import same_name

Form = Literal["press-release", "letter", "report"]
TYPE_CODE = "TC"  # Decree 30/2020, Appendix III: the type code of a thông cáo
_ADMIN_PREFIXES = ("ubnd ", "ủy ban nhân dân ", "uỷ ban nhân dân ")
COMMITTEE = "Ủy ban nhân dân"  # "UBND" in full, as the heading of a document writes it
# "xã" last: "thị xã" must not be read as "xã".
_ADMIN_KINDS = (
    "thành phố",
    "thị trấn",
    "thị xã",
    "đặc khu",
    "phường",
    "huyện",
    "quận",
    "tỉnh",
    "xã",
)


def in_lang(key: str, lang: str, /, **params: str) -> str:
    """A message in the document's language (the statement's), whatever the output language."""
    english, vietnamese = MESSAGES[key]
    text = vietnamese if lang == "vi" else english
    return text.format(**params) if params else text


@dataclass(frozen=True)
class Issuer:
    parent: str | None  # the governing body, above the issuing one (capitals, not bold)
    name: str  # the issuing body: the lead unit
    code: str  # its abbreviation in the number: "UBND", "CAH"


@dataclass(frozen=True)
class Signer:
    position: str
    name: str


@dataclass(frozen=True)
class Document:
    """Every part of one document, in reading order; ``None`` where the layout has none."""

    form: Form
    lang: str
    incident_id: str | None  # None for a report, which is of no one incident
    statement_id: int | None
    addressee_code: str | None  # the unit a referral letter is for
    draft_mark: str | None  # "DỰ THẢO" until the statement is approved for the current facts
    issuer: Issuer
    number: str | None
    nation: str | None
    motto: str | None
    day: date
    dateline: str
    type_name: str | None
    summary: str
    addressee: str | None
    content: tuple[str, ...]  # the text's lines; "" between paragraphs, indentation kept
    signer: Signer
    recipients_label: str | None
    recipients: tuple[str, ...]


# -- small rules ---------------------------------------------------------------------------


def body_code(name: str) -> str:
    """The issuing body's abbreviation in "Số: …/TC-<code>": a People's Committee is "UBND";
    any other body, the capital initials of its words without diacritics, but Đ kept as Vietnamese
    codes keep it ("Công an huyện" -> "CAH", "Đài Truyền thanh - Truyền hình huyện" ->
    "ĐTTTHH"). "Ủy ban nhân dân ..." spelt out is "UBND" too."""
    if name.casefold().startswith(_ADMIN_PREFIXES):
        return "UBND"
    initials = [_initial(word) for word in name.split()]
    return "".join(letter for letter in initials if letter)


def _initial(word: str) -> str:
    letter = next((char for char in word if char.isalpha()), "")
    if letter.upper() == "Đ":
        return "Đ"
    return unicodedata.normalize("NFD", letter.upper())[:1]


def _committee_rest(name: str) -> str | None:
    """What follows "UBND" (or "Ủy ban nhân dân") in a People's Committee's name; None for
    any other body."""
    folded = name.casefold()
    prefix = next((p for p in _ADMIN_PREFIXES if folded.startswith(p)), None)
    return None if prefix is None else name[len(prefix) :].strip()


def committee_place(name: str) -> str | None:
    """The place name of a People's Committee, from its name: "UBND xã Phúc Khoa" ->
    "Phúc Khoa", "Ủy ban nhân dân thị xã Mường Lay" -> "Mường Lay". None for any other body
    (an agency such as "Công an huyện" is not a place)."""
    rest = _committee_rest(name)
    if rest is None:
        return None
    kind = next((k for k in _ADMIN_KINDS if rest.casefold().startswith(k + " ")), None)
    return rest[len(kind) + 1 :].strip() if kind else rest


def full_name(name: str) -> str:
    """A People's Committee's name with "UBND" written in full, as a document's heading has
    it: "UBND xã Phúc Khoa" -> "Ủy ban nhân dân xã Phúc Khoa". Other names as they are."""
    rest = _committee_rest(name)
    return name if rest is None else f"{COMMITTEE} {rest}"


def heading_lines(name: str) -> tuple[str, ...]:
    """A body's name (in capitals) as the heading sets it: a People's Committee's with
    "ỦY BAN NHÂN DÂN" on a line of its own and the unit under it, as documents write it
    ("ỦY BAN NHÂN DÂN" / "XÃ PHÚC KHOA"); any other name on one line."""
    head = capitals(COMMITTEE)
    if name.startswith(head + " "):
        return head, name[len(head) + 1 :]
    return (name,)


def document_place(store: Store, unit: Unit, configured: str | None) -> str:
    """The place in the date line (Decree 30/2020, Appendix I: the official name of the
    administrative unit where the issuing body sits): a People's Committee's own place; for an
    agency, the place of the People's Committee above it in the directory; the config's
    ``place`` only when no People's Committee is found, and the unit's name as a last resort."""
    seen: set[str] = set()
    current: Unit | None = unit
    while current is not None and current.code not in seen:
        place = committee_place(current.name)
        if place:
            return place
        seen.add(current.code)
        current = find(store, current.parent_code) if current.parent_code else None
    return configured or unit.name


def capitals(text: str) -> str:
    return unicodedata.normalize("NFC", text.upper())


def _trimmed(lines: list[str]) -> tuple[str, ...]:
    kept = [line.rstrip() for line in lines]
    while kept and not kept[0]:
        kept.pop(0)
    while kept and not kept[-1]:
        kept.pop()
    return tuple(kept)


def split_heading(body: str, type_name: str) -> tuple[str | None, tuple[str, ...]]:
    """The built-in press-release templates open with the type name and a summary line; the
    document prints those itself, so they are taken out of the content, and the template's
    summary (which says initial, update, correction...) becomes the document's. Any other
    text (portal, social, edited by hand) is all content, and gets a summary of its own."""
    lines = body.strip("\n").splitlines()
    if not lines or not same_name(lines[0], type_name):
        return None, _trimmed(lines)
    rest = lines[1:]
    standing_alone = len(rest) == 1 or (len(rest) > 1 and not rest[1].strip())
    if rest and rest[0].strip() and standing_alone:
        return rest[0].strip(), _trimmed(rest[1:])
    return None, _trimmed(rest)


def after_addressee(text: str, lang: str) -> tuple[str, ...]:
    """A referral note's text after its "Kính gửi: ..." line: the letter prints its own
    heading and addressee. A text without that line (a template of the user's) is kept whole."""
    lines = text.strip("\n").splitlines()
    prefix = in_lang("doc.to_prefix", lang).casefold()
    for index, line in enumerate(lines):
        if line.strip().casefold().startswith(prefix):
            return _trimmed(lines[index + 1 :])
    return _trimmed(lines)


# -- what a document is made of ------------------------------------------------------------


@dataclass(frozen=True)
class Sources:
    """What a document is assembled from, read from the store once."""

    statement: Statement
    incident: Incident
    lead: Unit
    parent: Unit | None
    involved: tuple[Unit, ...]
    speaker: Spokesperson | None
    speaker_name: str | None  # who issued it, even when no designation matches the name
    final: bool  # approved for the current facts, or issued: no "DỰ THẢO"
    place: str  # of the date line


def gather(store: Store, statement: Statement, place: str | None, at: datetime) -> Sources:
    incident = get_incident(store, statement.incident_id)
    lead = get_unit(store, incident.lead_unit)
    version = facts.latest_version(store, incident.id)
    speaker = _speaker(store, statement, incident, at)
    return Sources(
        statement=statement,
        incident=incident,
        lead=lead,
        parent=find(store, lead.parent_code) if lead.parent_code else None,
        involved=tuple(get_unit(store, code) for code in incident.involves),
        speaker=speaker,
        speaker_name=statement.issued_by or (speaker.name if speaker else None),
        final=statement.state(version) in ("approved", "issued"),
        place=document_place(store, lead, place),
    )


def _speaker(
    store: Store, statement: Statement, incident: Incident, at: datetime
) -> Spokesperson | None:
    """Who signs: the person who issued it, as designated then; before it is issued, the lead
    unit's spokesperson on duty."""
    lead = incident.lead_unit
    if statement.issued_at is None or not statement.issued_by:
        return on_duty(store, lead, at, incident.id)
    when = statement.issued_at
    candidates = [regular_at(store, lead, when), *authorisations_at(store, when, lead)]
    return next(
        (p for p in candidates if p is not None and same_name(p.name, statement.issued_by)),
        None,
    )


def _issuer(src: Sources, lang: str) -> Issuer:
    code = body_code(src.lead.name) or src.lead.code.upper()
    if lang != "vi":
        return Issuer(None, src.lead.name, code)
    # A People's Committee is a body of general competence: its documents name no governing
    # body above it (Decree 30/2020, Appendix I); an agency's name its parent.
    # "UBND" is written in full in the heading; the number keeps the code "UBND".
    parent = src.parent if src.parent and code != "UBND" else None
    parent_name = capitals(full_name(parent.name)) if parent else None
    return Issuer(parent_name, capitals(full_name(src.lead.name)), code)


def _signer(src: Sources, lang: str) -> Signer:
    person = src.speaker
    title = person.title if person and person.title else in_lang("doc.spokesperson", lang)
    name = src.speaker_name or ""
    return Signer(capitals(title) if lang == "vi" else title, name)


def _dateline(src: Sources, moment: datetime, tz: ZoneInfo, lang: str) -> tuple[date, str]:
    day = moment.astimezone(tz).date()
    written = date_line(moment, tz, lang)
    return day, in_lang("doc.dateline", lang, place=src.place, date=written)


def press_release(src: Sources, tz: ZoneInfo, at: datetime) -> Document:
    """A statement as a thông cáo báo chí (or a plain English press release), dated when it
    was issued, else today."""
    statement, lang = src.statement, src.statement.lang
    type_name = in_lang("doc.press_release", lang)
    summary, content = split_heading(statement.body, type_name)
    issuer = _issuer(src, lang)
    day, dateline = _dateline(src, statement.issued_at or at, tz, lang)
    vi = lang == "vi"
    recipients = (
        in_lang("doc.recipient_press", lang),
        *(in_lang("doc.recipient_unit", lang, unit=unit.name) for unit in src.involved),
        in_lang("doc.recipient_archive", lang),
    )
    return Document(
        form="press-release",
        lang=lang,
        incident_id=src.incident.id,
        statement_id=statement.id,
        addressee_code=None,
        draft_mark=None if src.final else in_lang("doc.draft", lang),
        issuer=issuer,
        number=in_lang("doc.number_typed", lang, type=TYPE_CODE, code=issuer.code) if vi else None,
        nation=in_lang("doc.nation", lang) if vi else None,
        motto=in_lang("doc.motto", lang) if vi else None,
        day=day,
        dateline=dateline,
        type_name=type_name,
        summary=summary or in_lang("doc.about", lang, title=src.incident.title),
        addressee=None,
        content=content,
        signer=_signer(src, lang),
        recipients_label=in_lang("doc.recipients", lang) if vi else None,
        recipients=recipients if vi else (),
    )


def referral_letter(src: Sources, unit: Unit, text: str, tz: ZoneInfo, at: datetime) -> Document:
    """The referral note as a công văn to ``unit``: number without a type code, "V/v ..."
    under it, "Kính gửi: ...", the note, the signer; dated today. ``src`` is of the statement
    it points to, which is issued."""
    lang = src.statement.lang
    vi = lang == "vi"
    issuer = _issuer(src, lang)
    day, dateline = _dateline(src, at, tz, lang)
    recipients = (in_lang("doc.recipient_as_above", lang), in_lang("doc.recipient_archive", lang))
    return Document(
        form="letter",
        lang=lang,
        incident_id=src.incident.id,
        statement_id=src.statement.id,
        addressee_code=unit.code,
        draft_mark=None,
        issuer=issuer,
        number=in_lang("doc.number", lang, code=issuer.code) if vi else None,
        nation=in_lang("doc.nation", lang) if vi else None,
        motto=in_lang("doc.motto", lang) if vi else None,
        day=day,
        dateline=dateline,
        type_name=None,
        summary=in_lang("doc.referral_about", lang, title=src.incident.title),
        addressee=in_lang("doc.to", lang, unit=unit.name),
        content=after_addressee(text, lang),
        signer=_signer(src, lang),
        recipients_label=in_lang("doc.recipients", lang) if vi else None,
        recipients=recipients if vi else (),
    )


# -- what the commands ask for -------------------------------------------------------------


def statement_document(
    store: Store, statement_id: str | int, place: str | None, tz: ZoneInfo, at: datetime
) -> Document:
    statement = get_statement(store, statement_id)
    return press_release(gather(store, statement, place, at), tz, at)


@dataclass(frozen=True)
class Named:
    stem: str  # the file name without its extension
    document: Document


def incident_bundle(
    store: Store, incident_id: str, place: str | None, workshop: Workshop, at: datetime
) -> list[Named]:
    """The incident's latest issued statement, and a referral letter to every involved unit
    in the statement's language, so every unit publishes from the same source. File names:
    ``<incident>-thong-cao-<statement>`` and ``<incident>-gioi-thieu-<unit code>``."""
    incident = get_incident(store, incident_id)
    issued = issued_for(store, incident.id)
    if not issued:
        raise Refused("doc.none_issued", id=incident.id)
    latest = issued[-1]
    src = gather(store, latest, place, at)
    found = [Named(f"{incident.id}-thong-cao-{latest.id}", press_release(src, workshop.tz, at))]
    # The letters are signed by whoever speaks now: the person the note itself names.
    speaker = on_duty(store, incident.lead_unit, at, incident.id)
    signing = replace(src, speaker=speaker, speaker_name=speaker.name if speaker else None)
    for unit in src.involved:
        note = referral(store, incident.id, unit.code, latest.lang, workshop, at)
        letter = referral_letter(signing, unit, note.text, workshop.tz, at)
        found.append(Named(f"{incident.id}-gioi-thieu-{unit.code}", letter))
    return found


# -- the directory to publish on the e-portal ----------------------------------------------


@dataclass(frozen=True)
class Directory:
    """The spokespersons as published (Decree 244/2026, Art. 3.3): name, position, phone,
    official e-mail, since when. Regular designations only: an authorisation is per case and
    for a limited time, not part of the published directory."""

    lang: str
    title: str
    as_of: str
    number_label: str  # "STT": the printed formats number the rows
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    missing: tuple[str, ...]  # unit codes without a spokesperson, left out


def short_date(moment: datetime, tz: ZoneInfo, lang: str) -> str:
    """29/11/2026 (day first, as officials write it) / 29 November 2026."""
    if lang == "vi":
        return f"{moment.astimezone(tz):%d/%m/%Y}"
    return date_line(moment, tz, "en")


def directory(entries: list[DirectoryEntry], at: datetime, tz: ZoneInfo, lang: str) -> Directory:
    header = tuple(
        in_lang(f"dir.col.{key}", lang)
        for key in ("unit", "name", "position", "phone", "email", "since")
    )
    rows = tuple(
        (
            entry.unit.name,
            entry.regular.name,
            entry.regular.title or "",
            entry.regular.phone or "",
            entry.regular.email or "",
            short_date(entry.regular.valid_from, tz, lang),
        )
        for entry in entries
        if entry.regular is not None
    )
    return Directory(
        lang=lang,
        title=in_lang("dir.title", lang),
        as_of=in_lang("dir.as_of", lang, date=short_date(at, tz, lang)),
        number_label=in_lang("dir.col.number", lang),
        header=header,
        rows=rows,
        missing=tuple(entry.unit.code for entry in entries if entry.regular is None),
    )
