"""The workspace's ``config.toml``: who we are, our time zone, and the policy rules as data.

Deadlines are never constants in code: rules change, and a province may be stricter than the
national rule. Each rule names the time it counts from, how long it allows, which incidents it
applies to and the text it comes from. A config without ``[[rules]]`` uses :data:`DEFAULT_RULES`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from spokes.errors import InvalidInput
from spokes.timeparse import parse_duration

Start = Literal["occurred", "received", "decided"]
STARTS: tuple[Start, ...] = ("occurred", "received", "decided")
DEFAULT_ZONE = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class Rule:
    name: str
    starts: Start
    within: timedelta
    citation: str
    categories: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    unit_kinds: tuple[str, ...] = ()


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(
        "local-2h",
        "occurred",
        timedelta(hours=2),
        "Công văn UBND huyện Tân Uyên (08/2021), điểm 3: thông tin ban đầu chậm nhất 2 giờ",
    ),
    Rule(
        "decree-244-24h",
        "received",
        timedelta(hours=24),
        "Nghị định 244/2026/NĐ-CP, Điều 7 khoản 3",
    ),
    Rule(
        "decree-244-opinion-24h",
        "decided",
        timedelta(hours=24),
        "Nghị định 244/2026/NĐ-CP, Điều 7 khoản 4",
    ),
)


@dataclass(frozen=True)
class Config:
    org: str | None = None
    place: str | None = None
    timezone: str = DEFAULT_ZONE
    lang: str | None = None
    warning: timedelta = timedelta(minutes=30)
    publish_within: timedelta = timedelta(hours=24)
    publish_citation: str = "Nghị định 244/2026/NĐ-CP, Điều 3 khoản 3"
    rules: tuple[Rule, ...] = field(default=DEFAULT_RULES)

    def with_changes(self, **changes: Any) -> Config:
        return replace(self, **changes)


_TOP_KEYS = {"workspace", "clock", "spokesperson", "rules"}
_WORKSPACE_KEYS = {"org", "place", "timezone", "lang"}
_RULE_KEYS = {"name", "from", "within", "citation", "categories", "severities", "unit_kinds"}


def load(path: Path) -> Config:
    """The config at ``path``; defaults when it does not exist yet."""
    try:
        # utf-8-sig: a config saved by Notepad starts with a byte-order mark, which TOML refuses.
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return Config()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput("config.unreadable", path=str(path), problem=str(exc)) from None
    except OSError as exc:  # a folder, or a file we may not read
        problem = exc.strerror or type(exc).__name__
        raise InvalidInput("config.unreadable", path=str(path), problem=problem) from None
    return _from_toml(raw, path)


def _from_toml(raw: dict[str, Any], path: Path) -> Config:
    _no_unknown(raw, _TOP_KEYS, path, "")
    ws = _table(raw, "workspace", path)
    _no_unknown(ws, _WORKSPACE_KEYS, path, "workspace.")
    clock = _table(raw, "clock", path)
    _no_unknown(clock, {"warning"}, path, "clock.")
    speaker = _table(raw, "spokesperson", path)
    _no_unknown(speaker, {"publish_within", "citation"}, path, "spokesperson.")
    defaults = Config()
    rules = raw.get("rules")
    if rules is not None and not isinstance(rules, list):
        raise InvalidInput("config.invalid", path=str(path), key="rules", problem="[[rules]]")
    config = Config(
        org=_text(ws, "org", path, None, "workspace."),
        place=_text(ws, "place", path, None, "workspace."),
        timezone=_text(ws, "timezone", path, DEFAULT_ZONE, "workspace.") or DEFAULT_ZONE,
        lang=_text(ws, "lang", path, None, "workspace."),
        warning=_duration(clock, "warning", path, defaults.warning, "clock."),
        publish_within=_duration(
            speaker, "publish_within", path, defaults.publish_within, "spokesperson."
        ),
        publish_citation=_text(speaker, "citation", path, None, "spokesperson.")
        or defaults.publish_citation,
        rules=DEFAULT_RULES if rules is None else _rules(rules, path),
    )
    validate(config, path)
    return config


def validate(config: Config, path: Path) -> None:
    """Checks that need the whole config: a known zone and language, unique rule names."""
    from spokes.clock import zone

    try:
        zone(config.timezone)
    except (InvalidInput, OSError):  # OSError: a folder of zones, e.g. "Asia"
        raise InvalidInput(
            "config.invalid",
            path=str(path),
            key="workspace.timezone",
            problem=f"IANA: {DEFAULT_ZONE}, UTC, …",
        ) from None
    if config.lang is not None and config.lang not in ("vi", "en"):
        raise InvalidInput(
            "config.invalid", path=str(path), key="workspace.lang", problem="vi | en"
        )
    first: dict[str, int] = {}
    for index, rule in enumerate(config.rules, start=1):
        if rule.name in first:
            # Names the second rule and the first one it repeats, e.g. "rules[3].name"
            # (expected ≠ rules[1].name "local-2h").
            raise InvalidInput(
                "config.invalid",
                path=str(path),
                key=f"rules[{index}].name",
                problem=f'≠ rules[{first[rule.name]}].name "{rule.name}"',
            )
        first[rule.name] = index


def _rules(items: list[Any], path: Path) -> tuple[Rule, ...]:
    rules = []
    for index, item in enumerate(items, start=1):
        where = f"rules[{index}]."
        if not isinstance(item, dict):
            raise InvalidInput("config.invalid", path=str(path), key=f"rules[{index}]", problem="")
        _no_unknown(item, _RULE_KEYS, path, where)
        starts = item.get("from")
        if starts not in STARTS:
            raise InvalidInput(
                "config.invalid", path=str(path), key=where + "from", problem=" | ".join(STARTS)
            )
        name = _text(item, "name", path, None, where)
        if not name:
            raise InvalidInput("config.invalid", path=str(path), key=where + "name", problem="")
        rules.append(
            Rule(
                name=name,
                starts=starts,
                within=_duration(item, "within", path, None, where),
                citation=_text(item, "citation", path, None, where) or "",
                categories=_words(item, "categories", path, where),
                severities=_words(item, "severities", path, where),
                unit_kinds=_words(item, "unit_kinds", path, where),
            )
        )
    return tuple(rules)


def _no_unknown(table: dict[str, Any], known: set[str], path: Path, prefix: str) -> None:
    for key in table:
        if key not in known:
            raise InvalidInput("config.unknown_key", path=str(path), key=prefix + key)


def _table(raw: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise InvalidInput("config.invalid", path=str(path), key=key, problem="[" + key + "]")
    return value


def _text(
    table: dict[str, Any], key: str, path: Path, default: str | None, prefix: str = ""
) -> str | None:
    value = table.get(key, default)
    if value is not None and not isinstance(value, str):
        raise InvalidInput("config.invalid", path=str(path), key=prefix + key, problem="text")
    return value


def _duration(
    table: dict[str, Any], key: str, path: Path, default: timedelta | None, prefix: str = ""
) -> timedelta:
    value = table.get(key)
    if value is None and default is not None:
        return default
    if not isinstance(value, str):
        raise InvalidInput("config.invalid", path=str(path), key=prefix + key, problem='"2h"')
    try:
        duration = parse_duration(value)
    except InvalidInput:
        # The key matters more than the value here: the user must find the line to fix.
        raise InvalidInput(
            "config.invalid", path=str(path), key=prefix + key, problem='"2h", "30m", "1h30m"'
        ) from None
    if duration <= timedelta(0):
        raise InvalidInput("config.invalid", path=str(path), key=prefix + key, problem="> 0")
    return duration


def _words(table: dict[str, Any], key: str, path: Path, prefix: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidInput("config.invalid", path=str(path), key=prefix + key, problem="[...]")
    return tuple(item.strip().lower() for item in value)


# -- writing -------------------------------------------------------------------------------


def dumps(config: Config) -> str:
    """The config as TOML, with comments saying what each part is for."""
    lines = ["# spokes workspace configuration. `spokes where` shows what is in force.", ""]
    if not config.rules:
        # Without this, a config that deliberately has no rules would load back with the
        # default ones. A top-level key must come before the first table.
        lines += ["# No deadline rules: incidents have no deadline.", "rules = []", ""]
    lines += [
        "[workspace]",
        *_pair("org", config.org),
        *_pair("place", config.place),
        *_pair("timezone", config.timezone),
        *_pair("lang", config.lang),
        "",
        "[clock]",
        "# How long before a deadline an incident turns `at_risk`.",
        *_pair("warning", duration_text(config.warning)),
        "",
        "[spokesperson]",
        "# The designation must be published on the e-portal within this time.",
        *_pair("publish_within", duration_text(config.publish_within)),
        *_pair("citation", config.publish_citation),
        "",
        "# Deadlines for initial information to the press. Each rule counts from `occurred`,",
        "# `received` or `decided`; optional filters: categories, severities, unit_kinds.",
        "# The incident's deadline is the earliest due time among the rules that apply.",
    ]
    for rule in config.rules:
        lines += ["", "[[rules]]", *_pair("name", rule.name), *_pair("from", rule.starts)]
        lines += _pair("within", duration_text(rule.within))
        lines += _pair("citation", rule.citation)
        for key in ("categories", "severities", "unit_kinds"):
            values = getattr(rule, key)
            if values:
                lines.append(f"{key} = [{', '.join(_quote(v) for v in values)}]")
    return "\n".join(lines) + "\n"


def _pair(key: str, value: str | None) -> list[str]:
    return [] if value is None else [f"{key} = {_quote(value)}"]


def _quote(value: str) -> str:
    # A JSON string is a valid TOML basic string: same escapes, and UTF-8 kept as it is,
    # except DEL, which JSON leaves raw and TOML forbids.
    import json  # only when writing a config

    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def duration_text(duration: timedelta) -> str:
    """``2h``, ``1h30m``, ``45m``; seconds only when there are some (``30s`` must not become
    ``0m``, which the config refuses when it is read back)."""
    minutes, secs = divmod(int(duration.total_seconds()), 60)
    hours, mins = divmod(minutes, 60)
    text = (f"{hours}h" if hours else "") + (f"{mins}m" if mins else "")
    if secs:
        text += f"{secs}s"
    return text or "0m"


def save(config: Config, path: Path) -> None:
    """Write atomically: a crash never leaves half a config behind."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(".toml.tmp")
    data = dumps(config).encode("utf-8")
    # Created 0600 from the start, not chmod-ed after being written world-readable.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())  # on disk before it replaces the old config
        os.chmod(temporary, 0o600)  # a leftover .tmp from a crash keeps its old mode
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
