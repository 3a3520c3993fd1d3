"""The program's own errors and its exit codes.

The core raises :class:`SpokesError` with a message key and its parameters; the CLI's single
error boundary renders it in the user's language, prints one line and exits with its code.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    OK = 0
    USER_ERROR = 1  # bad input, unknown code or id, a rule refused the change
    USAGE = 2  # the command line itself was malformed (typer/click)
    OVERDUE = 3  # `status --check`: at least one incident is overdue
    CONFLICT = 3  # `statement check`: a figure contradicts the facts (same "look at this" code)
    INTERNAL = 70  # a bug: set SPOKES_DEBUG=1 for the traceback (EX_SOFTWARE)


class SpokesError(Exception):
    """A mistake the user can fix. ``key`` names a message in :mod:`spokes.i18n`."""

    exit_code = ExitCode.USER_ERROR

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self) -> str:
        from spokes.i18n import t

        message = t(self.key, **self.params)
        hint = self.params.get("hint")
        return f"{message} {t('hint.did_you_mean', hint=hint)}" if hint else message

    def line(self) -> str:
        """The one line printed on stderr: ``Error: ...`` in the user's language."""
        from spokes.i18n import t

        return f"{t('label.error')}: {self.render()}"

    def __str__(self) -> str:
        return self.render()


class NotFound(SpokesError):
    """An unknown unit code, incident id or record."""


class InvalidInput(SpokesError):
    """A value that cannot be read: a time, a phone number, a CSV row."""


class Refused(SpokesError):
    """The input is well formed but a rule of the domain forbids the change."""
