"""The workspace's ``config.toml``: who we are, our time zone, and the policy rules as data.

Deadlines are never constants in code: rules change, and a province may be stricter than the
national rule. Each rule names the time it counts from, how long it allows, which incidents it
applies to and the text it comes from. A config without ``[[rules]]`` uses :data:`DEFAULT_RULES`.
``[remind]`` says when ``spokes remind`` reminds and through which channels; ``[hooks]`` names
the commands run on events. ``[[duties]]`` are the periodic duties (information to the press
every month, a press conference every 3 months), and ``[annual_report]`` the window and due day
of the annual report, both as data for the same reason.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from spokes.errors import InvalidInput
from spokes.timeparse import parse_duration

if TYPE_CHECKING:
    from spokes.i18n import Lang

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
    # Counted in the annual report's item 5 ("spoken on time / under a deadline"): the form
    # asks about the 24-hour rules of Decree 244/2026 Art. 7.3-7.4, not every local rule.
    annual: bool = False


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
        annual=True,
    ),
    Rule(
        "decree-244-opinion-24h",
        "decided",
        timedelta(hours=24),
        "Nghị định 244/2026/NĐ-CP, Điều 7 khoản 4",
        annual=True,
    ),
)

DutyKind = Literal["information", "conference"]
DUTY_KINDS: tuple[DutyKind, ...] = ("information", "conference")


@dataclass(frozen=True)
class Duty:
    """A periodic duty: the units it binds must do ``does`` at least every ``every_months``
    months. ``information``: any information to the press (a statement issued, an incident
    informed, a press conference or briefing); ``conference``: a press conference."""

    name: str
    does: DutyKind
    every_months: int
    citation: str
    unit_kinds: tuple[str, ...] = ()
    warn: timedelta = timedelta(days=7)  # shown in `status` from this long before it is due


DEFAULT_DUTIES: tuple[Duty, ...] = (
    Duty(
        "decree-244-monthly-information",
        "information",
        1,
        "Nghị định 244/2026/NĐ-CP, Điều 6 khoản 2: cung cấp thông tin định kỳ hằng tháng",
        ("province",),
    ),
    Duty(
        "decree-244-quarterly-conference",
        "conference",
        3,
        "Nghị định 244/2026/NĐ-CP, Điều 6 khoản 2: họp báo ít nhất 3 tháng một lần",
        ("province",),
    ),
)


@dataclass(frozen=True)
class AnnualReport:
    """Decree 244/2026 Art. 10: the year runs from ``starts`` (day, month) of the previous year
    to the day before it; the report is due on ``due`` and `status` reminds from ``remind_from``.
    """

    starts: tuple[int, int] = (15, 12)
    due: tuple[int, int] = (20, 12)
    remind_from: tuple[int, int] = (1, 12)
    citation: str = "Nghị định 244/2026/NĐ-CP, Điều 10"


ChannelType = Literal["stdout", "command", "desktop", "email", "webhook"]
CHANNEL_TYPES: tuple[ChannelType, ...] = ("stdout", "command", "desktop", "email", "webhook")
HOOK_EVENTS = ("incident-opened", "statement-issued", "deadline-missed")
# The longest a channel or a hook may run. A reminder's claim is taken over by another run
# after spokes.core.remind.CLAIM_TIMEOUT (10 minutes): one send must end well before that.
MAX_TIMEOUT = timedelta(minutes=1)
LOOPBACK = ("127.0.0.1", "::1", "localhost")  # where a password may travel unencrypted


@dataclass(frozen=True)
class Channel:
    """Where reminders go. One flat record for every type: only the type's own keys are set.

    ``name`` is what the database records a delivery under, so two channels of one type need
    names of their own (renaming a channel makes it a new one, which is sent everything again).
    """

    type: ChannelType
    name: str
    timeout: timedelta = timedelta(seconds=10)
    argv: tuple[str, ...] = ()  # command
    host: str | None = None  # email
    port: int | None = None
    starttls: bool = True
    username: str | None = None
    password_env: str | None = None  # the password itself is never in the config
    sender: str | None = None  # `from` in the config
    to: tuple[str, ...] = ()
    url: str | None = None  # webhook
    headers: tuple[tuple[str, str], ...] = ()  # never secrets: the config is not one
    headers_env: tuple[tuple[str, str], ...] = ()  # (header, environment variable holding it)


@dataclass(frozen=True)
class Remind:
    before: tuple[timedelta, ...] = (
        timedelta(minutes=60),
        timedelta(minutes=30),
        timedelta(minutes=15),
    )
    overdue_every: timedelta = timedelta(minutes=30)
    channels: tuple[Channel, ...] = ()  # none: the stdout channel

    def in_use(self) -> tuple[Channel, ...]:
        return self.channels or (Channel("stdout", "stdout"),)


@dataclass(frozen=True)
class Hooks:
    commands: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (event, argv), in HOOK_EVENTS order
    timeout: timedelta = timedelta(seconds=10)

    def command(self, event: str) -> tuple[str, ...] | None:
        return dict(self.commands).get(event)


@dataclass(frozen=True)
class Config:
    org: str | None = None
    place: str | None = None
    timezone: str = DEFAULT_ZONE
    lang: Lang | None = None
    warning: timedelta = timedelta(minutes=30)
    publish_within: timedelta = timedelta(hours=24)
    publish_citation: str = "Nghị định 244/2026/NĐ-CP, Điều 3 khoản 3"
    rules: tuple[Rule, ...] = field(default=DEFAULT_RULES)
    remind: Remind = field(default_factory=Remind)
    hooks: Hooks = field(default_factory=Hooks)
    duties: tuple[Duty, ...] = field(default=DEFAULT_DUTIES)
    annual_report: AnnualReport = field(default_factory=AnnualReport)
    # A shared PostgreSQL database instead of the workspace's SQLite file.
    database_url: str | None = None

    def with_changes(self, **changes: Any) -> Config:
        return replace(self, **changes)


_TOP_KEYS = {
    *("workspace", "clock", "spokesperson", "rules", "remind", "hooks"),
    *("duties", "annual_report", "database"),
}
_WORKSPACE_KEYS = {"org", "place", "timezone", "lang"}
_RULE_KEYS = {
    *("name", "from", "within", "citation", "categories", "severities", "unit_kinds"),
    "annual_report",
}
_DUTY_KEYS = {"name", "does", "every_months", "citation", "unit_kinds", "warn"}
_ANNUAL_KEYS = {"starts", "due", "remind_from", "citation"}


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
    database = _table(raw, "database", path)
    _no_unknown(database, {"url"}, path, "database.")
    defaults = Config()
    rules = raw.get("rules")
    if rules is not None and not isinstance(rules, list):
        raise InvalidInput("config.invalid", path=str(path), key="rules", problem="[[rules]]")
    config = Config(
        org=_text(ws, "org", path, None, "workspace."),
        place=_text(ws, "place", path, None, "workspace."),
        timezone=_text(ws, "timezone", path, DEFAULT_ZONE, "workspace.") or DEFAULT_ZONE,
        lang=_language(ws, path),
        warning=_duration(clock, "warning", path, defaults.warning, "clock."),
        publish_within=_duration(
            speaker, "publish_within", path, defaults.publish_within, "spokesperson."
        ),
        publish_citation=_text(speaker, "citation", path, None, "spokesperson.")
        or defaults.publish_citation,
        rules=DEFAULT_RULES if rules is None else _rules(rules, path),
        remind=_remind(raw, path),
        hooks=_hooks(raw, path),
        duties=_duties(raw, path),
        annual_report=_annual(raw, path),
        database_url=_database_url(database, path),
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
    seen: dict[str, int] = {}
    for index, duty in enumerate(config.duties, start=1):
        if duty.name in seen:
            raise InvalidInput(
                "config.invalid",
                path=str(path),
                key=f"duties[{index}].name",
                problem=f'≠ duties[{seen[duty.name]}].name "{duty.name}"',
            )
        seen[duty.name] = index


def _database_url(table: dict[str, Any], path: Path) -> str | None:
    from spokes.store.url import is_postgres

    value = _text(table, "url", path, None, "database.")
    if not value:
        return None
    if not is_postgres(value):
        raise InvalidInput(
            "config.invalid", path=str(path), key="database.url", problem="postgresql://…"
        )
    return value


def _language(table: dict[str, Any], path: Path) -> Lang | None:
    value = _text(table, "lang", path, None, "workspace.")
    if value is None:
        return None
    if value == "vi":
        return "vi"
    if value == "en":
        return "en"
    raise InvalidInput("config.invalid", path=str(path), key="workspace.lang", problem="vi | en")


def _rules(items: list[Any], path: Path) -> tuple[Rule, ...]:
    rules = []
    for index, item in enumerate(items, start=1):
        where = f"rules[{index}]."
        if not isinstance(item, dict):
            raise InvalidInput(
                "config.invalid", path=str(path), key=f"rules[{index}]", problem="[[rules]]"
            )
        _no_unknown(item, _RULE_KEYS, path, where)
        starts = item.get("from")
        if starts not in STARTS:
            raise InvalidInput(
                "config.invalid", path=str(path), key=where + "from", problem=" | ".join(STARTS)
            )
        name = _text(item, "name", path, None, where)
        if not name:
            raise InvalidInput(
                "config.invalid", path=str(path), key=where + "name", problem='name = "…"'
            )
        rules.append(
            Rule(
                name=name,
                starts=starts,
                within=_duration(item, "within", path, None, where),
                citation=_text(item, "citation", path, None, where) or "",
                categories=_words(item, "categories", path, where),
                severities=_words(item, "severities", path, where),
                unit_kinds=_words(item, "unit_kinds", path, where),
                annual=_flag(item, "annual_report", path, where),
            )
        )
    return tuple(rules)


def _flag(table: dict[str, Any], key: str, path: Path, prefix: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise InvalidInput(
            "config.invalid", path=str(path), key=prefix + key, problem="true | false"
        )
    return value


def _duties(raw: dict[str, Any], path: Path) -> tuple[Duty, ...]:
    items = raw.get("duties")
    if items is None:
        return DEFAULT_DUTIES
    if not isinstance(items, list):
        raise InvalidInput("config.invalid", path=str(path), key="duties", problem="[[duties]]")
    duties = []
    for index, item in enumerate(items, start=1):
        where = f"duties[{index}]."
        if not isinstance(item, dict):
            raise InvalidInput(
                "config.invalid", path=str(path), key=f"duties[{index}]", problem="[[duties]]"
            )
        _no_unknown(item, _DUTY_KEYS, path, where)
        name = _text(item, "name", path, None, where)
        if not name:
            raise InvalidInput(
                "config.invalid", path=str(path), key=where + "name", problem='name = "…"'
            )
        does = item.get("does")
        if does not in DUTY_KINDS:
            raise InvalidInput(
                "config.invalid", path=str(path), key=where + "does", problem=" | ".join(DUTY_KINDS)
            )
        every = item.get("every_months")
        if not isinstance(every, int) or isinstance(every, bool) or not 1 <= every <= 120:
            raise InvalidInput(
                "config.invalid", path=str(path), key=where + "every_months", problem="1…120"
            )
        duties.append(
            Duty(
                name=name,
                does=does,
                every_months=every,
                citation=_text(item, "citation", path, None, where) or "",
                unit_kinds=_words(item, "unit_kinds", path, where),
                warn=_duration(item, "warn", path, Duty.warn, where),
            )
        )
    return tuple(duties)


def _annual(raw: dict[str, Any], path: Path) -> AnnualReport:
    table = _table(raw, "annual_report", path)
    _no_unknown(table, _ANNUAL_KEYS, path, "annual_report.")
    defaults = AnnualReport()
    found = AnnualReport(
        starts=_day_month(table, "starts", path, defaults.starts),
        due=_day_month(table, "due", path, defaults.due),
        remind_from=_day_month(table, "remind_from", path, defaults.remind_from),
        citation=_text(table, "citation", path, None, "annual_report.") or defaults.citation,
    )
    # Year Y ends the day before `starts` of Y; it is reported on after that, from
    # `remind_from`, by `due`, all within the calendar year Y.
    starts, due, remind = (
        (month, day) for day, month in (found.starts, found.due, found.remind_from)
    )
    if due < starts:
        raise _invalid(path, "annual_report.due", f'≥ starts "{_day_text(found.starts)}"')
    if remind > due:
        raise _invalid(path, "annual_report.remind_from", f'≤ due "{_day_text(found.due)}"')
    return found


def _day_text(day_month: tuple[int, int]) -> str:
    return "{:02d}/{:02d}".format(*day_month)


def _day_month(
    table: dict[str, Any], key: str, path: Path, default: tuple[int, int]
) -> tuple[int, int]:
    """ "15/12": a day and a month, day first as officials write them (29 February refused:
    it would not exist every year)."""
    from datetime import date

    value = table.get(key)
    if value is None:
        return default
    match = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})\s*", value) if isinstance(value, str) else None
    try:
        if match is None:
            raise ValueError
        day, month = int(match[1]), int(match[2])
        date(2025, month, day)  # not a leap year: 29/02 is refused
    except ValueError:
        raise InvalidInput(
            "config.invalid", path=str(path), key=f"annual_report.{key}", problem='"15/12"'
        ) from None
    return day, month


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


# -- reminders, channels, hooks ------------------------------------------------------------

_CHANNEL_KEYS: dict[str, set[str]] = {
    "stdout": set(),
    "command": {"argv"},
    "desktop": set(),
    "email": {"host", "port", "starttls", "username", "password_env", "from", "to"},
    "webhook": {"url", "headers", "headers_env"},
}
_CHANNEL_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


def _remind(raw: dict[str, Any], path: Path) -> Remind:
    table = _table(raw, "remind", path)
    _no_unknown(table, {"before", "overdue_every", "channels"}, path, "remind.")
    defaults = Remind()
    before = defaults.before
    if "before" in table:
        before = _durations(table, "before", path, "remind.")
    channels = table.get("channels", [])
    if not isinstance(channels, list):
        raise _invalid(path, "remind.channels", "[[remind.channels]]")
    return Remind(
        before=before,
        overdue_every=_duration(table, "overdue_every", path, defaults.overdue_every, "remind."),
        channels=_channels(channels, path),
    )


def _durations(table: dict[str, Any], key: str, path: Path, prefix: str) -> tuple[timedelta, ...]:
    items = table[key]
    if not isinstance(items, list):
        raise _invalid(path, prefix + key, '["60m", "30m", "15m"]')
    found = {_duration({key: item}, key, path, None, prefix) for item in items}
    return tuple(sorted(found, reverse=True))


def _channels(items: list[Any], path: Path) -> tuple[Channel, ...]:
    channels: list[Channel] = []
    for index, item in enumerate(items, start=1):
        where = f"remind.channels[{index}]."
        if not isinstance(item, dict):
            raise _invalid(path, f"remind.channels[{index}]", "[[remind.channels]]")
        channel = _channel(item, path, where)
        for number, other in enumerate(channels, start=1):
            if other.name == channel.name:
                # Deliveries are recorded by name: two channels with one name would share them.
                raise _invalid(
                    path, where + "name", f'≠ remind.channels[{number}].name "{other.name}"'
                )
        channels.append(channel)
    return tuple(channels)


def _channel(item: dict[str, Any], path: Path, where: str) -> Channel:
    kind = item.get("type")
    if kind not in CHANNEL_TYPES:
        raise _invalid(path, where + "type", " | ".join(CHANNEL_TYPES))
    if "password" in item:
        raise InvalidInput("config.password_in_file", path=str(path), key=where + "password")
    _no_unknown(item, {"type", "name", "timeout"} | _CHANNEL_KEYS[kind], path, where)
    name = _text(item, "name", path, kind, where) or kind
    if not _CHANNEL_NAME.match(name):
        raise _invalid(path, where + "name", "a-z 0-9 - _")
    common = Channel(kind, name, _timeout(item, path, Channel.timeout, where))
    if kind == "command":
        return replace(common, argv=_argv(item, "argv", path, where))
    if kind == "email":
        return _email(item, common, path, where)
    if kind == "webhook":
        return _webhook(item, common, path, where)
    return common


def _email(item: dict[str, Any], common: Channel, path: Path, where: str) -> Channel:
    starttls = item.get("starttls", True)
    if not isinstance(starttls, bool):
        raise _invalid(path, where + "starttls", "true | false")
    port = item.get("port", 587 if starttls else 25)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise _invalid(path, where + "port", "1-65535")
    username = _text(item, "username", path, None, where)
    password_env = _text(item, "password_env", path, None, where)
    host = _required(item, "host", path, where)
    if username and not password_env:
        raise InvalidInput(
            "config.required_with",
            path=str(path),
            key=where + "password_env",
            other=where + "username",
            example='"SPOKES_SMTP_PASSWORD"',
        )
    if username and not starttls and host.strip("[]").lower() not in LOOPBACK:
        # A login without STARTTLS sends the password in clear: only to this machine.
        raise InvalidInput("config.login_in_clear", path=str(path), key=where + "starttls")
    return replace(
        common,
        host=host,
        port=port,
        starttls=starttls,
        username=username,
        password_env=password_env,
        sender=_required(item, "from", path, where),
        to=_argv(item, "to", path, where, '["vanphong@example.vn"]'),
    )


def _webhook(item: dict[str, Any], common: Channel, path: Path, where: str) -> Channel:
    url = _required(item, "url", path, where)
    if not url.startswith(("http://", "https://")):
        raise _invalid(path, where + "url", "http(s)://...")
    if any(char.isspace() or not char.isprintable() for char in url):
        # The URL itself is never repeated: its path often holds a chat bot's token.
        raise _invalid(path, where + "url", "no spaces or control characters (%20)")
    headers = _headers(item, "headers", path, where, '{ "X-Room" = "..." }')
    secret = _headers(item, "headers_env", path, where, '{ Authorization = "SPOKES_WEBHOOK_AUTH" }')
    if any(not _ENV_NAME.match(variable) for _, variable in secret):
        raise _invalid(path, where + "headers_env", '{ Authorization = "SPOKES_WEBHOOK_AUTH" }')
    return replace(common, url=url, headers=headers, headers_env=secret)


_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")  # an HTTP token (RFC 9110)


def _headers(
    item: dict[str, Any], key: str, path: Path, where: str, hint: str
) -> tuple[tuple[str, str], ...]:
    value = item.get(key, {})
    if not isinstance(value, dict) or not all(
        _HEADER_NAME.match(name) and isinstance(text, str) and text.isprintable()
        for name, text in value.items()
    ):
        raise _invalid(path, where + key, hint)
    return tuple(value.items())


def _hooks(raw: dict[str, Any], path: Path) -> Hooks:
    table = _table(raw, "hooks", path)
    _no_unknown(table, {*HOOK_EVENTS, "timeout"}, path, "hooks.")
    commands = tuple(
        (event, _argv(table, event, path, "hooks.")) for event in HOOK_EVENTS if event in table
    )
    return Hooks(commands, _timeout(table, path, Hooks.timeout, "hooks."))


def _timeout(table: dict[str, Any], path: Path, default: timedelta, prefix: str) -> timedelta:
    timeout = _duration(table, "timeout", path, default, prefix)
    if timeout > MAX_TIMEOUT:
        raise _invalid(path, prefix + "timeout", f"≤ {duration_text(MAX_TIMEOUT)}")
    return timeout


_COMMAND_HINT = '["/usr/local/bin/notify", "--flag"]'


def _argv(
    table: dict[str, Any], key: str, path: Path, prefix: str, hint: str = _COMMAND_HINT
) -> tuple[str, ...]:
    """A non-empty list of words: a command run without a shell, or e-mail recipients."""
    value = table.get(key)
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(item, str) and item for item in value)
    ):
        raise _invalid(path, prefix + key, hint)
    return tuple(value)


def _required(table: dict[str, Any], key: str, path: Path, prefix: str) -> str:
    value = _text(table, key, path, None, prefix)
    if not value:
        raise _invalid(path, prefix + key, "text")
    return value


def _invalid(path: Path, key: str, problem: str) -> InvalidInput:
    return InvalidInput("config.invalid", path=str(path), key=key, problem=problem)


# -- writing -------------------------------------------------------------------------------


def dumps(config: Config) -> str:
    """The config as TOML, with comments saying what each part is for."""
    lines = ["# spokes workspace configuration. `spokes where` shows what is in force.", ""]
    if not config.rules:
        # Without this, a config that deliberately has no rules would load back with the
        # default ones. A top-level key must come before the first table.
        lines += ["# No deadline rules: incidents have no deadline.", "rules = []", ""]
    if not config.duties:
        lines += ["# No periodic duties.", "duties = []", ""]
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
        *_remind_lines(config.remind),
        "",
        *_hook_lines(config.hooks),
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
        if rule.annual:
            lines.append("annual_report = true")
    lines += ["", *_duty_lines(config.duties), "", *_annual_lines(config.annual_report)]
    if config.database_url:
        lines += [
            "",
            "[database]",
            "# A PostgreSQL database shared by many units (SPOKES_DATABASE_URL overrides it).",
            *_pair("url", config.database_url),
        ]
    return "\n".join(lines) + "\n"


def _duty_lines(duties: tuple[Duty, ...]) -> list[str]:
    lines = [
        "# Periodic duties, shown in `spokes status` when they come due: `does` is",
        '# "information" (a statement issued, an incident informed, a press conference or',
        '# briefing) or "conference", at least every `every_months` months, for units of the',
        "# kinds in `unit_kinds`.",
    ]
    for duty in duties:
        lines += ["", "[[duties]]", *_pair("name", duty.name), *_pair("does", duty.does)]
        lines.append(f"every_months = {duty.every_months}")
        lines += _pair("citation", duty.citation)
        if duty.unit_kinds:
            lines.append(f"unit_kinds = [{', '.join(_quote(v) for v in duty.unit_kinds)}]")
        lines += _pair("warn", duration_text(duty.warn))
    return lines


def _annual_lines(annual: AnnualReport) -> list[str]:
    return [
        "[annual_report]",
        "# The annual report on speaking to the press: the year runs from `starts` of the",
        "# previous year to the day before `starts`; due on `due`; `status` reminds from",
        "# `remind_from` until `spokes report annual sent`. Rules with `annual_report = true`",
        "# are the deadlines its item 5 counts.",
        *_pair("starts", "{}/{}".format(*annual.starts)),
        *_pair("due", "{}/{}".format(*annual.due)),
        *_pair("remind_from", "{:02d}/{:02d}".format(*annual.remind_from)),
        *_pair("citation", annual.citation),
    ]


def _remind_lines(remind: Remind) -> list[str]:
    lines = [
        "[remind]",
        "# `spokes remind` (cron, a systemd timer) sends one reminder at each of these times",
        "# before a deadline, one at the deadline, then one every `overdue_every` while overdue.",
        f"before = {_list([duration_text(item) for item in remind.before])}",
        *_pair("overdue_every", duration_text(remind.overdue_every)),
        "# Channels, several at once; without any, reminders are printed on standard output.",
        "# type: stdout, command (argv), desktop (notify-send), email, webhook (url, headers).",
        "# No secret is ever written here: an e-mail password comes from the environment variable",
        "# password_env names, a webhook's secret headers from those headers_env names.",
    ]
    if not remind.channels:
        lines += [f"# {line}" if line else "#" for line in _EMAIL_EXAMPLE]
    for channel in remind.channels:
        lines += ["", "[[remind.channels]]", *_channel_lines(channel)]
    return lines


_EMAIL_EXAMPLE = (
    "[[remind.channels]]",
    'type = "email"',
    'host = "smtp.example.vn"',
    "port = 587",
    "starttls = true",
    'username = "canhbao@example.vn"',
    'password_env = "SPOKES_SMTP_PASSWORD"',
    'from = "canhbao@example.vn"',
    'to = ["vanphong@example.vn"]',
)


def _channel_lines(channel: Channel) -> list[str]:
    lines = [*_pair("type", channel.type)]
    if channel.name != channel.type:
        lines += _pair("name", channel.name)
    if channel.timeout != Channel.timeout:
        lines += _pair("timeout", duration_text(channel.timeout))
    if channel.type == "command":
        lines.append(f"argv = {_list(channel.argv)}")
    if channel.type == "email":
        lines += [*_pair("host", channel.host), f"port = {channel.port}"]
        lines.append(f"starttls = {'true' if channel.starttls else 'false'}")
        lines += [
            *_pair("username", channel.username),
            *_pair("password_env", channel.password_env),
        ]
        lines += [*_pair("from", channel.sender), f"to = {_list(channel.to)}"]
    if channel.type == "webhook":
        lines += _pair("url", channel.url)
        if channel.headers:
            lines.append(f"headers = {_inline(channel.headers)}")
        if channel.headers_env:
            lines.append(f"headers_env = {_inline(channel.headers_env)}")
    return lines


def _hook_lines(hooks: Hooks) -> list[str]:
    lines = [
        "[hooks]",
        "# Commands run after an event, without a shell, given the event as JSON on standard",
        "# input; each may run for `timeout`. A hook that fails only warns: the change is kept.",
    ]
    for event in HOOK_EVENTS:
        argv = hooks.command(event)
        if argv is None:
            lines.append(f'# {event} = ["/usr/local/bin/{event}"]')
        else:
            lines.append(f"{event} = {_list(argv)}")
    return [*lines, *_pair("timeout", duration_text(hooks.timeout))]


def _inline(pairs: tuple[tuple[str, str], ...]) -> str:
    return "{ " + ", ".join(f"{_quote(key)} = {_quote(value)}" for key, value in pairs) + " }"


def _list(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(_quote(value) for value in values) + "]"


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
