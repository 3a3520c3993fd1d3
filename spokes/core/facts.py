"""One fact sheet per incident: the single set of facts every statement is rendered from.

Each change makes a new numbered version holding the whole sheet, so any past version can be
read back, a statement can say which version it was written from, and an approval can pin one.
Version 0 is the empty sheet of an incident nobody has described yet.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

from spokes.clock import from_db, to_db
from spokes.core import audit
from spokes.core.incidents import Incident
from spokes.core.incidents import get as get_incident
from spokes.errors import InvalidInput, NotFound, Refused
from spokes.store import Store
from spokes.text import tidy_or_none
from spokes.workspace import actor

FactType = Literal["count", "text", "time"]
TYPES: tuple[FactType, ...] = ("count", "text", "time")

# key: (type, English label, Vietnamese label), in the order a statement tells them.
STANDARD: dict[str, tuple[FactType, str, str]] = {
    "summary": ("text", "What happened", "Diễn biến"),
    "occurred_at": ("time", "Occurred at", "Thời điểm xảy ra"),
    "location": ("text", "Location", "Địa điểm"),
    "deaths": ("count", "Deaths", "Số người chết"),
    "injured": ("count", "Injured", "Số người bị thương"),
    "missing": ("count", "Missing", "Số người mất tích"),
    "evacuated": ("count", "Households evacuated", "Số hộ phải di dời"),
    "houses_damaged": ("count", "Houses damaged", "Số nhà bị hư hại"),
    "cause": ("text", "Cause", "Nguyên nhân"),
    "actions": ("text", "Actions taken", "Các biện pháp đã triển khai"),
    "responders": ("text", "Responders on site", "Lực lượng có mặt tại hiện trường"),
    "unknown": ("text", "Not yet known", "Những nội dung chưa rõ"),
    "next_update_at": ("time", "Next update", "Thời điểm cập nhật tiếp theo"),
    "contact": ("text", "Press contact", "Đầu mối liên hệ báo chí"),
}

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_MAX_TEXT = 4000


@dataclass(frozen=True, slots=True)
class Fact:
    key: str
    type: FactType
    value: int | str | datetime
    label: str | None = None  # custom keys: the words a statement shows before the value
    words: tuple[str, ...] = ()  # custom keys: the words that name it in a text (the check)
    source: Literal["sheet", "incident"] = "sheet"  # "incident": a default, not set by anyone

    @property
    def standard(self) -> bool:
        return self.key in STANDARD

    def label_in(self, lang: str) -> str:
        if self.key in STANDARD:
            _, english, vietnamese = STANDARD[self.key]
            return vietnamese if lang == "vi" else english
        return self.label or self.key


@dataclass(frozen=True)
class Sheet:
    incident_id: str
    version: int
    facts: dict[str, Fact]
    created_at: datetime | None = None
    actor: str | None = None
    changed: tuple[str, ...] = ()
    defaults: dict[str, Fact] = field(default_factory=dict)

    def effective(self) -> dict[str, Fact]:
        """The facts as statements use them: the incident's own values fill the gaps."""
        merged = dict(self.defaults)
        merged.update(self.facts)
        return merged

    def missing(self) -> list[str]:
        known = self.effective()
        return [key for key in STANDARD if key not in known]

    def value(self, key: str) -> int | str | datetime | None:
        fact = self.effective().get(key)
        return fact.value if fact else None


def label(key: str, lang: str, custom: Mapping[str, Fact] | None = None) -> str:
    if key in STANDARD:
        return Fact(key, STANDARD[key][0], "").label_in(lang)
    fact = (custom or {}).get(key)
    return fact.label_in(lang) if fact else key


def normalise_key(key: str) -> str:
    cleaned = key.strip().lower().replace("-", "_")
    if not _KEY.match(cleaned):
        raise InvalidInput("fact.bad_key", key=key)
    return cleaned


# -- reading --------------------------------------------------------------------------------


def latest_version(store: Store, incident_id: str) -> int:
    value = store.scalar(
        "SELECT MAX(version) FROM fact_versions WHERE incident_id = ?", (incident_id,)
    )
    return int(value or 0)


def sheet(store: Store, incident: Incident, version: int | None = None) -> Sheet:
    """The sheet at ``version`` (the latest when ``None``), with the incident's defaults."""
    defaults = _defaults(incident)
    if version is None:
        version = latest_version(store, incident.id)
    if version == 0:
        return Sheet(incident.id, 0, {}, defaults=defaults)
    row = store.query_one(
        "SELECT * FROM fact_versions WHERE incident_id = ? AND version = ?",
        (incident.id, version),
    )
    if row is None:
        raise NotFound(
            "fact.unknown_version",
            id=incident.id,
            version=version,
            latest=latest_version(store, incident.id),
        )
    return Sheet(
        incident.id,
        version,
        _decode(row["facts"]),
        created_at=from_db(row["created_at"]),
        actor=row["actor"],
        changed=tuple(json.loads(row["changed"])),
        defaults=defaults,
    )


def _defaults(incident: Incident) -> dict[str, Fact]:
    defaults = {"occurred_at": Fact("occurred_at", "time", incident.occurred_at, source="incident")}
    if incident.location:
        defaults["location"] = Fact("location", "text", incident.location, source="incident")
    return defaults


def _decode(text: str) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    for key, item in json.loads(text).items():
        value: int | str | datetime = item["value"]
        if item["type"] == "time":
            moment = from_db(item["value"])
            assert moment is not None
            value = moment
        facts[key] = Fact(
            key,
            item["type"],
            value,
            label=item.get("label"),
            words=tuple(item.get("words", ())),
        )
    return facts


def _encode(facts: Mapping[str, Fact]) -> str:
    plain: dict[str, Any] = {}
    for key in _ordered(facts):
        fact = facts[key]
        item: dict[str, Any] = {"type": fact.type, "value": _plain(fact.value)}
        if not fact.standard:
            item["label"] = fact.label
            item["words"] = list(fact.words)
        plain[key] = item
    return json.dumps(plain, ensure_ascii=False, sort_keys=False)


def _plain(value: int | str | datetime) -> int | str:
    return to_db(value) or "" if isinstance(value, datetime) else value


def _ordered(facts: Mapping[str, Fact]) -> list[str]:
    """Standard keys in the order a statement tells them, then custom keys by name."""
    standard = [key for key in STANDARD if key in facts]
    return standard + sorted(key for key in facts if key not in STANDARD)


def ordered(facts: Mapping[str, Fact]) -> list[Fact]:
    return [facts[key] for key in _ordered(facts)]


# -- values ---------------------------------------------------------------------------------


TimeParser = Callable[[str, str], datetime]  # (text, key) -> moment, in the workspace's zone


def parse_value(
    kind: FactType, text: str, key: str, parse_time: TimeParser
) -> int | str | datetime:
    """A typed value from what a person wrote; counts are non-negative whole numbers."""
    cleaned = tidy_or_none(text)
    if cleaned is None:
        raise InvalidInput("fact.empty_value", key=key)
    if kind == "count":
        digits = cleaned.replace(" ", "")
        if not digits.isdecimal() or not digits.isascii():
            raise InvalidInput("fact.bad_count", key=key, value=text)
        return int(digits)
    if kind == "time":
        return parse_time(cleaned, key)
    if len(cleaned) > _MAX_TEXT:
        raise InvalidInput("fact.too_long", key=key, limit=_MAX_TEXT)
    return cleaned


def words_of(text: str | None) -> tuple[str, ...]:
    """``"cây đổ, trees down"`` -> ``("cây đổ", "trees down")``."""
    if not text:
        return ()
    return tuple(word for word in (tidy_or_none(part) for part in text.split(",")) if word)


@dataclass(frozen=True)
class Change:
    """One ``fact set``: the key, its raw text, and for a custom key its type, label, words."""

    key: str
    text: str
    type: FactType | None = None
    label: str | None = None
    words: str | None = None


def build(change: Change, existing: Fact | None, parse_time: TimeParser) -> Fact:
    """The new fact for ``change``: standard keys have a fixed type and labels; a custom key
    needs a type the first time and keeps it after."""
    key = normalise_key(change.key)
    if key in STANDARD:
        if change.label is not None or change.words is not None:
            raise InvalidInput("fact.standard_has_label", key=key)
        fixed = STANDARD[key][0]
        if change.type is not None and change.type != fixed:
            raise InvalidInput("fact.standard_type", key=key, type=fixed)
        return Fact(key, fixed, parse_value(fixed, change.text, key, parse_time))
    kind = change.type or (existing.type if existing else None)
    if kind is None:
        raise InvalidInput("fact.custom_needs_type", key=key, types=", ".join(TYPES))
    if kind not in TYPES:
        raise InvalidInput("fact.bad_type", type=kind, types=", ".join(TYPES))
    if existing is not None and existing.type != kind:
        raise InvalidInput("fact.custom_type_changed", key=key, type=existing.type)
    return Fact(
        key,
        kind,
        parse_value(kind, change.text, key, parse_time),
        label=tidy_or_none(change.label) or (existing.label if existing else None),
        words=words_of(change.words) or (existing.words if existing else ()),
    )


# -- writing --------------------------------------------------------------------------------


def set_fact(
    store: Store, incident_id: str, change: Change, parse_time: TimeParser, at: datetime
) -> tuple[Sheet, bool]:
    """Sets one fact; returns the sheet and whether anything changed (same value: no version)."""
    with store.transaction():
        incident = get_incident(store, incident_id)
        current = sheet(store, incident)
        key = normalise_key(change.key)
        fact = build(change, current.facts.get(key), parse_time)
        if current.facts.get(key) == fact:
            return current, False
        return _write(store, incident, current, {**current.facts, key: fact}, at), True


def unset(store: Store, incident_id: str, key: str, at: datetime) -> Sheet:
    with store.transaction():
        incident = get_incident(store, incident_id)
        current = sheet(store, incident)
        key = normalise_key(key)
        if key not in current.facts:
            raise NotFound("fact.not_set", key=key, id=incident.id)
        remaining = {k: v for k, v in current.facts.items() if k != key}
        return _write(store, incident, current, remaining, at)


def replace_all(
    store: Store, incident_id: str, facts: dict[str, Fact], base_version: int, at: datetime
) -> tuple[Sheet, bool]:
    """Saves a whole sheet edited from ``base_version``. When someone saved another version
    meanwhile, their changes and these are merged if they touch different keys; otherwise
    the save is refused, so nobody's change is silently overwritten."""
    with store.transaction():
        incident = get_incident(store, incident_id)
        current = sheet(store, incident)
        if current.version != base_version:
            base = sheet(store, incident, base_version)
            facts = _merge(base.facts, current.facts, facts, incident.id, current.version)
        if facts == current.facts:
            return current, False
        return _write(store, incident, current, facts, at), True


def _merge(
    base: dict[str, Fact], theirs: dict[str, Fact], mine: dict[str, Fact], iid: str, version: int
) -> dict[str, Fact]:
    def changed(a: dict[str, Fact], b: dict[str, Fact]) -> set[str]:
        return {key for key in a.keys() | b.keys() if a.get(key) != b.get(key)}

    clash = changed(base, theirs) & changed(base, mine)
    clash = {key for key in clash if theirs.get(key) != mine.get(key)}
    if clash:
        raise Refused("fact.edit_conflict", id=iid, version=version, keys=", ".join(sorted(clash)))
    merged = dict(theirs)
    for key in changed(base, mine):
        if key in mine:
            merged[key] = mine[key]
        else:
            merged.pop(key, None)
    return merged


def _write(
    store: Store, incident: Incident, current: Sheet, facts: dict[str, Fact], at: datetime
) -> Sheet:
    changed = sorted(
        key
        for key in current.facts.keys() | facts.keys()
        if current.facts.get(key) != facts.get(key)
    )
    version = current.version + 1
    # The primary key (incident, version) makes a concurrent writer of the same version fail
    # instead of overwriting: the transaction's write lock already queues writers on SQLite.
    store.execute(
        "INSERT INTO fact_versions (incident_id, version, facts, changed, created_at, actor)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (incident.id, version, _encode(facts), json.dumps(changed), to_db(at), actor()),
    )
    audit.record(
        store,
        "facts-changed",
        at,
        incident_id=incident.id,
        unit_code=incident.lead_unit,
        version=version,
        before={key: _shown(current.facts.get(key)) for key in changed},
        after={key: _shown(facts.get(key)) for key in changed},
    )
    return replace(
        current, version=version, facts=facts, created_at=at, actor=actor(), changed=tuple(changed)
    )


def _shown(fact: Fact | None) -> int | str | None:
    return None if fact is None else _plain(fact.value)
