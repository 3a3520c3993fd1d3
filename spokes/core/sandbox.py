"""Limits on a user's template beyond Jinja2's sandbox: no huge values, no endless loops.

The sandbox already forbids files, ``_`` attributes and code; it does not stop a template
from building a 3-gigabyte string or nesting two 100,000-step loops. A statement is a page of
text, so a template gets a few seconds and values of a few megabytes, and is refused beyond.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

SECONDS = 5.0
MAX_LENGTH = 1_000_000  # characters or items in one value made by a template
MAX_EXPONENT = 1_000


class TooSlow(Exception):
    """A template ran longer than :data:`SECONDS`."""


@cache
def environment_class() -> Any:
    """The sandboxed environment with arithmetic limits (Jinja2 is imported only here)."""
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Limited(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "*" and _too_long(left, right):
                raise SecurityError(f"a value longer than {MAX_LENGTH:,}")
            if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
                raise SecurityError(f"an exponent above {MAX_EXPONENT}")
            return super().call_binop(context, operator, left, right)

    return Limited


def _too_long(left: Any, right: Any) -> bool:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, (str, list, tuple)) and isinstance(times, int):
            return len(sequence) * times > MAX_LENGTH
    return False


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Raises :class:`TooSlow` in the block after ``seconds``, where the platform allows a
    timer (the main thread of a POSIX process: the CLI); elsewhere the block runs unlimited."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, SECONDS if seconds is None else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
