"""Both languages, complete: every message key used in the code exists, in both languages."""

from __future__ import annotations

import re
import string
import unicodedata
from pathlib import Path

import pytest

from spokes import i18n
from spokes.core.drafting import KINDS as KINDS_OF_STATEMENT
from spokes.core.incidents import CHANNELS, SEVERITIES
from spokes.core.policy import STATES
from spokes.core.statements import STATES as STATEMENT_STATES
from spokes.core.units import KINDS
from spokes.messages import MESSAGES

pytestmark = pytest.mark.no_database  # message tables and source text only: no database

SOURCE = Path(__file__).parents[1] / "spokes"
LITERAL_KEY = re.compile(
    r"""(?:\bt|InvalidInput|NotFound|Refused|SpokesError)\(\s*"([a-z_][a-z0-9_.-]*)\"""",
)


def used_keys() -> set[str]:
    keys: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        keys |= set(LITERAL_KEY.findall(path.read_text(encoding="utf-8")))
    return keys


def test_no_key_is_defined_in_two_message_modules() -> None:
    from spokes.messages import PARTS

    assert sum(len(part) for part in PARTS) == len(MESSAGES)


def test_every_literal_key_exists() -> None:
    keys = used_keys()
    assert len(keys) > 100  # the scan itself works
    assert sorted(keys - set(MESSAGES)) == []


@pytest.mark.parametrize(
    ("family", "values"),
    [
        ("state", STATES),
        ("severity", SEVERITIES),
        ("kind", KINDS),
        ("channel", CHANNELS),
        ("publication", ("published", "unpublished", "overdue")),
        ("incident.status", ("open", "closed")),
        (
            "event",
            (
                "incident-opened",
                "incident-informed",
                "incident-edited",
                "incident-closed",
                "unit-added",
                "unit-edited",
                "spokesperson-assigned",
                "spokesperson-published",
                "spokesperson-authorised",
                "facts-changed",
                "statement-drafted",
                "statement-edited",
                "statement-approved",
                "statement-issued",
                "conflicts-found",
            ),
        ),
        ("statement.kind", KINDS_OF_STATEMENT),
        ("statement.state", STATEMENT_STATES),
        ("check.heading", ("conflict", "confirmed", "unknown")),
    ],
)
def test_every_built_key_exists(family: str, values: tuple[str, ...]) -> None:
    assert [v for v in values if f"{family}.{v}" not in MESSAGES] == []


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_present_nfc_and_same_placeholders(key: str) -> None:
    english, vietnamese = MESSAGES[key]
    assert english.strip() and vietnamese.strip()
    assert unicodedata.normalize("NFC", vietnamese) == vietnamese
    assert fields(english) == fields(vietnamese)


def test_resolve_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert i18n.resolve(None, None) == ("en", "default")
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert i18n.resolve(None, None) == ("vi", "locale")
    assert i18n.resolve(None, "en") == ("en", "config")
    monkeypatch.setenv("SPOKES_LANG", "vi")
    assert i18n.resolve(None, "en") == ("vi", "SPOKES_LANG")
    assert i18n.resolve("en", "vi") == ("en", "--lang")
    monkeypatch.setenv("LC_ALL", "C")  # LC_ALL beats LANG
    monkeypatch.delenv("SPOKES_LANG")
    assert i18n.resolve(None, None) == ("en", "default")


def test_datetime_placeholders_are_shown_in_workspace_zone() -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    i18n.set_zone(ZoneInfo("Asia/Ho_Chi_Minh"))
    i18n.set_language("vi")
    try:
        text = i18n.t(
            "incident.already_informed",
            id="2026-0001",
            at=datetime(2026, 11, 29, 6, 10, tzinfo=UTC),
        )
    finally:
        i18n.set_language("en")
    assert text == (
        "thông tin ban đầu về 2026-0001 đã được ghi nhận lúc 13:10 ngày 29/11/2026 (UTC+07:00)"
    )
