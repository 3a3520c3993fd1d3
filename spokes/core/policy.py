"""Deadlines from policy rules, and the state of an incident's clock at a moment.

Several rules can apply to one incident; each gives a due time. The incident's deadline is
the earliest of them. A rule whose start time is unknown (no ``decided`` time) does not apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from spokes.config import Rule

State = Literal["pending", "at_risk", "overdue", "met", "late"]
STATES: tuple[State, ...] = ("overdue", "at_risk", "pending", "late", "met")


# Not frozen: `status` builds these for every open incident on every run, and frozen init costs 3x.
@dataclass(slots=True)
class Subject:
    """What the rules look at: the incident's times and its filters."""

    occurred_at: datetime
    received_at: datetime
    decided_at: datetime | None
    informed_at: datetime | None
    category: str | None
    severity: str | None
    unit_kind: str | None


@dataclass(slots=True)
class Deadline:
    rule: Rule
    due_at: datetime
    state: State


@dataclass(slots=True)
class Reading:
    """The clock of one incident at one moment."""

    deadline: datetime | None
    state: State | None  # None when no rule applies
    remaining_seconds: int | None  # negative when overdue; None once the clock has stopped
    deadlines: tuple[Deadline, ...]


def applies(rule: Rule, subject: Subject) -> bool:
    if rule.categories and (subject.category or "") not in rule.categories:
        return False
    if rule.severities and (subject.severity or "") not in rule.severities:
        return False
    return not (rule.unit_kinds and (subject.unit_kind or "") not in rule.unit_kinds)


def start_of(rule: Rule, subject: Subject) -> datetime | None:
    """The moment the rule counts from: ``occurred`` reads ``occurred_at``, and so on."""
    start: datetime | None = getattr(subject, f"{rule.starts}_at")
    return start


def state_at(
    due: datetime, informed_at: datetime | None, at: datetime, warning: timedelta
) -> State:
    if informed_at is not None and informed_at <= at:
        return "met" if informed_at <= due else "late"
    if at > due:
        return "overdue"
    return "at_risk" if due - at <= warning else "pending"


def read(
    subject: Subject,
    rules: tuple[Rule, ...],
    at: datetime,
    warning: timedelta,
    running: bool = True,
) -> Reading:
    """The clock at ``at``; ``running=False`` for a closed incident (nothing counts down)."""
    deadlines = []
    for rule in rules:
        start = start_of(rule, subject)
        if start is None or not applies(rule, subject):
            continue
        due = start + rule.within
        deadlines.append(Deadline(rule, due, state_at(due, subject.informed_at, at, warning)))
    deadlines.sort(key=lambda item: item.due_at)
    if not deadlines:
        return Reading(None, None, None, ())
    binding = deadlines[0]
    stopped = not running or (subject.informed_at is not None and subject.informed_at <= at)
    remaining = None if stopped else int((binding.due_at - at).total_seconds())
    return Reading(binding.due_at, binding.state, remaining, tuple(deadlines))
