"""Statements rendered from the fact sheet through Jinja2 templates.

Templates are looked up in the workspace's ``templates/`` folder first, then among the
built-in ones, so a user can add a template or override a built-in one by its file name. They
run in Jinja2's immutable sandbox: a template can read the context given to it and nothing
else (no files, no attributes starting with ``_``, no code). Jinja2 is imported only here.

A fact the template prints but the sheet does not hold becomes an explicit placeholder
("đang xác minh" / "being verified") and is listed as missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from spokes.core import facts, sandbox
from spokes.core.facts import STANDARD, Fact, Sheet, ordered
from spokes.core.incidents import Incident
from spokes.core.spokespersons import Spokesperson
from spokes.dates import date_line, in_text
from spokes.errors import InvalidInput, Refused
from spokes.i18n import t

BUILTIN = Path(__file__).resolve().parent.parent / "templates"
PLACEHOLDER = {"vi": "đang xác minh", "en": "being verified"}
KINDS = ("initial", "update", "final", "correction")
CHANNELS = ("press-release", "portal", "social", "sms")
_SUFFIX = ".j2"

# How a statement says where something was published, in its own language.
_CHANNEL_NAMES = {
    "press-conference": ("a press conference", "họp báo"),
    "press-release": ("a press release", "thông cáo báo chí"),
    "portal": ("the e-portal", "Cổng thông tin điện tử"),
    "social": ("the official social-media account", "trang mạng xã hội chính thức"),
    "interview": ("an interview", "trả lời phỏng vấn"),
    "phone": ("telephone", "điện thoại"),
    "written": ("a written reply", "văn bản trả lời"),
    "sms": ("SMS", "tin nhắn SMS"),
}


def channel_name(channel: str, lang: str) -> str:
    english, vietnamese = _CHANNEL_NAMES.get(channel, (channel, channel))
    return vietnamese if lang == "vi" else english


@dataclass(frozen=True)
class Request:
    """What to render: the incident, its facts, who speaks, and the statement's shape."""

    incident: Incident
    lead_name: str
    involved: tuple[str, ...]
    sheet: Sheet
    speaker: Spokesperson | None
    kind: str
    channel: str
    lang: str
    template: str | None  # a name chosen by the user; None: by kind and channel
    at: datetime
    tz: ZoneInfo
    extra: dict[str, Any] | None = None  # more context for special templates (referral)


@dataclass(frozen=True)
class Rendered:
    text: str
    missing: tuple[str, ...]
    template: str  # the name it was found under, without language and suffix


def candidates(kind: str, channel: str, lang: str, template: str | None) -> list[str]:
    """File names tried in order: a user's own name; else kind-and-channel, then channel."""
    if template:
        return [f"{template}.{lang}{_SUFFIX}"]
    return [f"{kind}-{channel}.{lang}{_SUFFIX}", f"{channel}.{lang}{_SUFFIX}"]


def render(request: Request, user_dir: Path | None) -> Rendered:
    from jinja2 import TemplateNotFound, TemplatesNotFound
    from jinja2.exceptions import SecurityError

    names = candidates(request.kind, request.channel, request.lang, request.template)
    env = _environment(user_dir)
    missing: list[str] = []
    try:
        template = env.select_template(names)
        with sandbox.time_limit():
            text = template.render(_context(request, missing))
    except (TemplateNotFound, TemplatesNotFound):
        raise InvalidInput(
            "statement.template_not_found", names=", ".join(names), folder=str(user_dir)
        ) from None
    except (SecurityError, sandbox.TooSlow) as error:
        reason = str(error) or t("statement.template_too_slow", seconds=sandbox.SECONDS)
        raise Refused("statement.template_unsafe", name=names[0], reason=reason) from None
    except Exception as error:  # a user's template may fail in any way: never a crash
        reason = f"{type(error).__name__}: {error}"
        raise InvalidInput("statement.template_error", name=names[0], reason=reason) from None
    found = (template.name or names[0]).removesuffix(_SUFFIX).rsplit(".", 1)[0]
    return Rendered(_tidy(text), tuple(dict.fromkeys(missing)), found)


@cache  # one environment per folder and process: re-rendering 20 drafts compiles once
def _environment(user_dir: Path | None) -> Any:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined

    # A folder that does not exist (yet) simply holds no templates.
    loaders = [FileSystemLoader(str(user_dir))] if user_dir else []
    loaders.append(FileSystemLoader(str(BUILTIN)))
    return sandbox.environment_class()(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,  # plain text; documents escape when they are made (export)
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


# What the press asks first about any incident: when missing, the draft says it is not known
# yet. (Evacuations, damaged houses, responders do not apply to every incident.)
_OPEN_QUESTIONS = ("location", "deaths", "injured", "missing", "cause")


def _tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one final newline."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept) + "\n"


class FactView:
    """One fact as a template sees it: printing it gives its value in the statement's
    language, or the placeholder (and the key is recorded as missing)."""

    def __init__(
        self, key: str, fact: Fact | None, request: Request, missing: list[str], label: str
    ) -> None:
        self.key = key
        self.known = fact is not None
        self.label = label
        self.value = fact.value if fact else None
        self.type = fact.type if fact else (STANDARD[key][0] if key in STANDARD else "text")
        self.default = fact is not None and fact.source == "incident"
        self._text = _format(fact, request) if fact else None
        self._missing = missing
        self._placeholder = PLACEHOLDER[request.lang]

    def __str__(self) -> str:
        if self._text is None:
            self._missing.append(self.key)
            return self._placeholder
        return self._text


def _format(fact: Fact, request: Request) -> str:
    if isinstance(fact.value, datetime):
        return in_text(fact.value, request.tz, request.lang)
    return str(fact.value)


class Facts:
    """``f.deaths`` or ``f["deaths"]`` in a template: every key answers, known or not."""

    def __init__(self, request: Request, missing: list[str]) -> None:
        self._request = request
        self._missing = missing
        self._facts = request.sheet.effective()
        self._contact = _contact_fact(request)

    def __getattr__(self, key: str) -> FactView:
        if key.startswith("_"):
            raise AttributeError(key)
        fact = self._facts.get(key)
        if key == "contact" and fact is None:
            fact = self._contact
        label = fact.label_in(self._request.lang) if fact else facts.label(key, self._request.lang)
        return FactView(key, fact, self._request, self._missing, label)

    def __getitem__(self, key: str) -> FactView:
        return self.__getattr__(key)


def _contact_fact(request: Request) -> Fact | None:
    """Without a ``contact`` fact, the press contacts the lead unit's spokesperson."""
    person = request.speaker
    if person is None:
        return None
    parts = [person.name, person.title, person.phone, person.email]
    return Fact("contact", "text", ", ".join(part for part in parts if part), source="incident")


def _context(request: Request, missing: list[str]) -> dict[str, Any]:
    incident = request.incident
    facts = Facts(request, missing)
    sheet = request.sheet.effective()
    custom = [facts[fact.key] for fact in ordered(sheet) if not fact.standard]
    # What a reader should know is still open, when nobody wrote it down as `unknown`.
    open_keys = [key for key in request.sheet.missing() if key in _OPEN_QUESTIONS]
    context: dict[str, Any] = {
        "lang": request.lang,
        "kind": request.kind,
        "channel": request.channel,
        "f": facts,
        "custom": custom,
        "custom_counts": [fact for fact in custom if fact.type == "count"],
        "custom_other": [fact for fact in custom if fact.type != "count"],
        "missing_labels": [facts[key].label for key in open_keys],
        "known": [facts[fact.key] for fact in ordered(sheet)],
        "placeholder": PLACEHOLDER[request.lang],
        "incident": {
            "id": incident.id,
            "title": incident.title,
            "category": incident.category,
            "severity": incident.severity,
            "lead_unit": request.lead_name,
            "lead_code": incident.lead_unit,
            "involved": list(request.involved),
            "source_url": incident.source_url,
            "platform": incident.platform,
        },
        "speaker": _speaker(request.speaker),
        "fact_version": request.sheet.version,
        "today": date_line(request.at, request.tz, request.lang),
        "now": in_text(request.at, request.tz, request.lang),
    }
    context.update(request.extra or {})
    return context


def _speaker(person: Spokesperson | None) -> dict[str, str | None] | None:
    return person.contact() if person else None
