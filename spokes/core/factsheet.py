"""A whole fact sheet as TOML, for ``fact edit``: written with comments that explain it, read
back and validated as a whole before anything is saved.

Standard keys sit at the top level (a missing one is a commented-out line to fill in);
custom keys are tables ``[custom.KEY]`` with their type, label, words and value. Times are
written in the workspace's zone as ``"2026-11-29 13:10"``; an empty value means "not known".
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from spokes.core.facts import STANDARD, TYPES, Change, Fact, Sheet, TimeParser, build
from spokes.errors import InvalidInput


def dumps(sheet: Sheet, title: str, lang: str, tz: ZoneInfo) -> str:
    lines = [
        f"# {sheet.incident_id}: {title} (version {sheet.version})",
        '# Fill in what is known; leave a value empty ("") or delete the line when it is not.',
        '# Counts are whole numbers; times read like "2026-11-29 13:10" or "13:10".',
        "",
    ]
    for key, (kind, english, vietnamese) in STANDARD.items():
        fact = sheet.facts.get(key)
        label = vietnamese if lang == "vi" else english
        lines.append(f"# {label} ({kind})")
        if fact:
            lines.append(f"{key} = {_value(fact, tz)}")
        elif key in sheet.defaults:  # shown, so nobody mistakes it for unknown
            lines.append(f"# {key} = {_value(sheet.defaults[key], tz)}   # from the incident")
        else:
            lines.append(f"# {key} = ")
    for key, fact in sorted((k, f) for k, f in sheet.facts.items() if k not in STANDARD):
        lines += [
            "",
            f"[custom.{key}]",
            f"type = {_string(fact.type)}",
            f"label = {_string(fact.label or '')}",
            f"words = [{', '.join(_string(word) for word in fact.words)}]",
            f"value = {_value(fact, tz)}",
        ]
    lines += [
        "",
        "# A custom fact, for example:",
        "# [custom.trees_down]",
        '# type = "count"          # count, text or time',
        '# label = "Cây đổ"',
        '# words = ["cây đổ", "trees down"]   # how texts name it, for the conflict check',
        "# value = 12",
    ]
    return "\n".join(lines) + "\n"


def _value(fact: Fact | None, tz: ZoneInfo) -> str:
    if fact is None:
        return '""'
    if isinstance(fact.value, datetime):
        return _string(f"{fact.value.astimezone(tz):%Y-%m-%d %H:%M}")
    if isinstance(fact.value, int):
        return str(fact.value)
    return _string(fact.value)


def _string(text: str) -> str:
    # A JSON string is a valid TOML basic string: quotes, backslashes and controls escaped.
    return json.dumps(text, ensure_ascii=False)


def loads(text: str, existing: dict[str, Fact], parse_time: TimeParser) -> dict[str, Fact]:
    """The sheet a person saved, every value validated; raises on the first problem."""
    import tomllib

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput("fact.bad_toml", reason=str(error)) from None
    custom = raw.pop("custom", {})
    if not isinstance(custom, dict):
        raise InvalidInput("fact.bad_custom_table")
    facts: dict[str, Fact] = {}
    for key, value in raw.items():
        if key not in STANDARD:
            raise InvalidInput("fact.unknown_standard_key", key=key)
        if _empty(value):
            continue
        facts[key] = build(Change(key, _text(value, key)), existing.get(key), parse_time)
    for key, table in custom.items():
        fact = _custom(key, table, existing.get(key), parse_time)
        if fact is not None:
            facts[fact.key] = fact
    return facts


def _custom(key: str, table: Any, existing: Fact | None, parse_time: TimeParser) -> Fact | None:
    if not isinstance(table, dict):
        raise InvalidInput("fact.bad_custom_table")
    if key in STANDARD:
        raise InvalidInput("fact.custom_is_standard", key=key)
    unknown = set(table) - {"type", "label", "words", "value"}
    if unknown:
        raise InvalidInput("fact.unknown_field", key=key, fields=", ".join(sorted(unknown)))
    value = table.get("value", "")
    if _empty(value):
        return None
    kind = table.get("type")
    if kind is not None and kind not in TYPES:
        raise InvalidInput("fact.bad_type", type=kind, types=", ".join(TYPES))
    words = table.get("words", [])
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        raise InvalidInput("fact.bad_words", key=key)
    change = Change(key, _text(value, key), kind, table.get("label") or None, ", ".join(words))
    return build(change, existing, parse_time)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any, key: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidInput("fact.bad_toml_value", key=key)
    return str(value)
