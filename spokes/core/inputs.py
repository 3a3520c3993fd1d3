"""Validated records typed or imported by a person: units and spokespersons.

pydantic checks every field; the validators raise messages in the user's language. Only the
commands that write import this module, so reading commands stay fast to start.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from spokes.core.units import KINDS, normalise_code
from spokes.errors import InvalidInput
from spokes.i18n import t
from spokes.text import tidy

_CODE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 .()-]+$")


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)


class UnitInput(_Record):
    code: str
    name: str
    kind: str
    parent: str | None = None

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        code = normalise_code(value)
        if not _CODE.match(code):
            raise ValueError(t("unit.bad_code", code=value))
        return code

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _required_name(value)

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        kind = value.strip().lower()
        if kind not in KINDS:
            raise ValueError(t("unit.bad_kind", kind=value, kinds=", ".join(KINDS)))
        return kind

    @field_validator("parent")
    @classmethod
    def _parent(cls, value: str | None) -> str | None:
        return normalise_code(value) if value else None


class PersonInput(_Record):
    name: str
    title: str | None = None
    phone: str | None = None
    email: str | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _required_name(value)

    @field_validator("title")
    @classmethod
    def _title(cls, value: str | None) -> str | None:
        return tidy(value) if value else None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if not value:
            return None
        digits = re.sub(r"\D", "", value)
        if not _PHONE.match(value) or not 8 <= len(digits) <= 12:
            raise ValueError(t("person.bad_phone", phone=value))
        return " ".join(value.split())

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not _EMAIL.match(value):
            raise ValueError(t("person.bad_email", email=value))
        return value.lower()


def _required_name(value: str) -> str:
    name = tidy(value)
    if not name:
        raise ValueError(t("input.empty_name"))
    return name


def problems(error: ValidationError) -> list[str]:
    """One readable line per problem, in the user's language."""
    lines = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"])
        cause = item.get("ctx", {}).get("error")
        message = str(cause) if cause is not None else item["msg"]
        lines.append(f"{field}: {message}" if cause is None else message)
    return lines


def build(model: type[_Record], **values: Any) -> Any:
    """A validated record, or :class:`InvalidInput` naming the first problem."""
    try:
        return model(**values)
    except ValidationError as error:
        raise InvalidInput("input.invalid", problem=problems(error)[0]) from None
