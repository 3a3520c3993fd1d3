"""Reminders before each deadline, each sent once, through every configured channel.

A **threshold** is a moment relative to an incident's deadline (the earliest due time, as
``spokes status`` shows it): each ``[remind] before`` offset, the deadline itself, then every
``overdue_every`` after it. Only the latest threshold crossed is ever sent: after a gap (the
machine was off) the older ones are passed over, and nothing is written for them.

A delivery is recorded under (incident, rule, due time, offset, channel). A corrected incident
time gives a new due time; an offset already announced on a channel for the old one counts as
announced still when it went out less than the spacing of the thresholds (the time from it to
the next one) away from the new crossing: a one-minute correction does not repeat "due in 15
min", a correction of an hour does announce the new schedule.

Exactly once, in three steps:

1. **Claim**, in one short write transaction (``BEGIN IMMEDIATE`` on SQLite): for the latest
   threshold crossed, insert a ``pending`` row per channel; the UNIQUE key (incident, rule, due,
   threshold, channel) and the write lock make a second run see the claim and leave it alone.
2. **Send** outside any transaction: a slow SMTP server must not hold the write lock. Just
   before each send the claim is taken again, atomically, by the run that holds it: a run so
   slow that another one took its claim over (after :data:`CLAIM_TIMEOUT`) sends nothing more.
3. **Record** each channel's outcome at once, in its own short transaction.

A ``failed`` delivery is claimed again by the next run, on that channel only, for as long as
its threshold is the latest. A channel that fails is not tried again in the same run (its other
reminders are recorded failed, for the next run). A claim still ``pending`` after
:data:`CLAIM_TIMEOUT` belongs to a run that died between claiming and recording, and is
claimed again. Every time limit is at most :data:`spokes.config.MAX_TIMEOUT`, well under it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from spokes import i18n
from spokes.clock import from_db, iso_local, to_db
from spokes.config import Channel, Config, Remind
from spokes.core import hooks, incidents
from spokes.core.channels import Echo, Message, deliver, unavailable
from spokes.core.hooks import RunFailed
from spokes.core.incidents import View
from spokes.core.policy import Deadline
from spokes.i18n import t
from spokes.store import Row, Store

# Far longer than one send may take (MAX_TIMEOUT, 1 minute): a claim older than this belongs to
# a run that died.
CLAIM_TIMEOUT = timedelta(minutes=10)
MISSED = "hook:deadline-missed"  # the channel under which the deadline-missed hook is recorded


@dataclass(frozen=True, slots=True)
class Due:
    """An incident whose clock runs, its deadline, the latest threshold crossed (seconds from
    the due time) and the spacing to the next threshold."""

    view: View
    deadline: Deadline
    threshold: int
    spacing: timedelta

    def key(self) -> tuple[str, str, str | None, int]:
        return (
            self.view.incident.id,
            self.deadline.rule.name,
            to_db(self.deadline.due_at),
            self.threshold,
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """The latest threshold of one incident, and the channels to send it on (with the row that
    records each; ``None`` in a dry run, which writes nothing)."""

    due: Due
    rows: tuple[tuple[int | None, Channel], ...]

    @property
    def threshold(self) -> int:
        return self.due.threshold


@dataclass(frozen=True, slots=True)
class Miss:
    """A deadline seen overdue for the first time: the deadline-missed hook runs once for it."""

    view: View
    deadline: Deadline
    row: int | None


@dataclass
class Plan:
    claims: list[Claim] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    # Channels that cannot work here (a desktop without a session): left out, not failed.
    unavailable: list[tuple[Channel, RunFailed]] = field(default_factory=list)


def latest(due_at: datetime, settings: Remind, now: datetime) -> tuple[int, timedelta] | None:
    """The latest threshold crossed by ``now`` (seconds from the due time), and the time from
    it to the next threshold; None before the first. Constant time, however long overdue."""
    every = int(settings.overdue_every.total_seconds())
    if now > due_at:
        late = int((now - due_at).total_seconds())
        return late // every * every, settings.overdue_every
    ahead = [*sorted(-int(item.total_seconds()) for item in settings.before), 0]
    crossed = [offset for offset in ahead if due_at + timedelta(seconds=offset) <= now]
    if not crossed:
        return None
    offset = crossed[-1]
    following = ahead[len(crossed)] if len(crossed) < len(ahead) else every
    return offset, timedelta(seconds=following - offset)


def running(store: Store, config: Config, now: datetime) -> list[View]:
    """Open incidents whose clock runs (no initial information yet) and that have a deadline."""
    found = incidents.select(store, status="open")
    views = incidents.views(store, config, found, now)
    return [view for view in views if view.reading.remaining_seconds is not None]


def dues(views: list[View], settings: Remind, now: datetime) -> list[Due]:
    found = []
    for view in views:
        deadline = view.reading.deadlines[0]  # the earliest: the incident's deadline
        crossed = latest(deadline.due_at, settings, now)
        if crossed is not None:
            found.append(Due(view, deadline, *crossed))
    return sorted(found, key=lambda due: (due.deadline.due_at, due.view.incident.id))


# -- claiming ---------------------------------------------------------------------------------


def claim(store: Store, config: Config, now: datetime, token: str) -> Plan:
    """Claims, in one write transaction, every reminder and hook this run is to send."""
    with store.transaction():
        return _plan(store, config, now, token)


def preview(store: Store, config: Config, now: datetime) -> Plan:
    """What :func:`claim` would claim now, without writing anything (``--dry-run``)."""
    return _plan(store, config, now, None)


def _plan(store: Store, config: Config, now: datetime, token: str | None) -> Plan:
    views = running(store, config, now)
    plan = Plan()
    channels = []
    for channel in config.remind.in_use():
        reason = unavailable(channel)
        if reason is None:
            channels.append(channel)
        else:
            plan.unavailable.append((channel, reason))
    for due in dues(views, config.remind, now):
        found = _claim_latest(store, due, tuple(channels), now, token)
        if found is not None:
            plan.claims.append(found)
    if config.hooks.command("deadline-missed") is not None:
        plan.misses = _misses(store, views, now, token)
    return plan


def _claim_latest(
    store: Store, due: Due, channels: tuple[Channel, ...], now: datetime, token: str | None
) -> Claim | None:
    fresh, again = _to_send(store, due, channels, now)
    if not fresh and not again:
        return None
    if token is None:  # a dry run: what would be claimed, with no row to record it in
        return Claim(due, tuple((None, c) for c in [*fresh, *(c for _, c in again)]))
    claimed = [(_insert(store, due.key(), channel.name, token, now), channel) for channel in fresh]
    for row, _ in again:
        store.execute(
            "UPDATE reminders SET outcome = 'pending', attempts = attempts + 1, claim = ?,"
            " claimed_at = ?, done_at = NULL, error = NULL WHERE id = ?",
            (token, to_db(now), row),
        )
    return Claim(due, tuple(claimed + again))


def _to_send(
    store: Store, due: Due, channels: tuple[Channel, ...], now: datetime
) -> tuple[list[Channel], list[tuple[int, Channel]]]:
    """The channels that never had the latest threshold, and the rows of those to try again.

    The same offset announced for an earlier due time of this incident and rule (a corrected
    incident time) counts as announced when that was less than the spacing of the thresholds
    away from the moment this one was crossed: the same news, a minute apart."""
    incident, rule, due_at, threshold = due.key()
    rows = store.query(
        "SELECT id, due_at, channel, outcome, claimed_at FROM reminders"
        " WHERE incident_id = ? AND rule = ? AND threshold = ? AND channel NOT LIKE 'hook:%'",
        (incident, rule, threshold),
    )
    current = {row["channel"]: row for row in rows if row["due_at"] == due_at}
    crossed = due.deadline.due_at + timedelta(seconds=threshold)
    since, until = to_db(crossed - due.spacing) or "", to_db(crossed + due.spacing) or ""
    announced = {
        row["channel"]
        for row in rows
        if row["due_at"] != due_at
        and row["outcome"] in ("sent", "pending")
        and since < str(row["claimed_at"]) < until
    }
    stale = to_db(now - CLAIM_TIMEOUT) or ""
    fresh = [c for c in channels if c.name not in current and c.name not in announced]
    again = [
        (int(current[c.name]["id"]), c)
        for c in channels
        if c.name in current and _again(current[c.name], stale)
    ]
    return fresh, again


def _again(row: Row, stale: str) -> bool:
    """A failed delivery, or a claim left pending by a run that did not finish."""
    outcome, claimed_at = str(row["outcome"]), str(row["claimed_at"])
    return outcome == "failed" or (outcome == "pending" and claimed_at < stale)


def _insert(
    store: Store, key: tuple[str, str, str | None, int], channel: str, token: str, now: datetime
) -> int:
    return int(
        store.insert(
            "INSERT INTO reminders (incident_id, rule, due_at, threshold, channel, outcome,"
            " attempts, claim, claimed_at) VALUES (?, ?, ?, ?, ?, 'pending', 1, ?, ?)"
            " RETURNING id",
            (*key, channel, token, to_db(now)),
        )
    )


def _misses(store: Store, views: list[View], now: datetime, token: str | None) -> list[Miss]:
    """Every deadline of a running clock that has passed and whose hook never ran for this
    incident and rule: once, whatever due time a corrected incident time gives it later."""
    found = []
    for view in views:
        for deadline in view.reading.deadlines:
            if deadline.due_at >= now:
                continue
            incident, rule = view.incident.id, deadline.rule.name
            if store.scalar(
                "SELECT 1 FROM reminders WHERE incident_id = ? AND rule = ? AND channel = ?",
                (incident, rule, MISSED),
            ):
                continue
            row = None
            if token is not None:
                key = (incident, rule, to_db(deadline.due_at), 0)
                row = _insert(store, key, MISSED, token, now)
            found.append(Miss(view, deadline, row))
    return found


def retake(store: Store, row: int, token: str, now: datetime) -> bool:
    """Takes the claim on ``row`` again just before sending, if this run still holds it; False
    when another run took it over (this one outlasted :data:`CLAIM_TIMEOUT`): then that run
    sends it, and this one must not."""
    with store.transaction():
        changed = store.execute(
            "UPDATE reminders SET claimed_at = ?"
            " WHERE id = ? AND claim = ? AND outcome = 'pending'",
            (to_db(now), row, token),
        )
    return changed == 1


def record(
    store: Store,
    row: int,
    token: str,
    failure: RunFailed | None,
    now: datetime,
    tried: bool = True,
) -> None:
    """The outcome of one claimed delivery; only the run that holds the claim may record it.
    ``tried=False``: not attempted at all (its channel had failed already in this run)."""
    error = (
        None
        if failure is None
        else json.dumps({"key": failure.key, "params": _plain(failure.params)})
    )
    with store.transaction():
        store.execute(
            "UPDATE reminders SET outcome = ?, error = ?, done_at = ?, attempts = attempts - ?"
            " WHERE id = ? AND claim = ?",
            ("failed" if failure else "sent", error, to_db(now), int(not tried), row, token),
        )


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value if isinstance(value, int | float) else str(value)
        for key, value in params.items()
    }


# -- what a reminder says -----------------------------------------------------------------------


def threshold_label(threshold: int) -> str:
    from spokes.render.timefmt import duration

    if threshold < 0:
        return t("remind.threshold.before", amount=duration(-threshold))
    if threshold == 0:
        return t("remind.threshold.at")
    return t("remind.threshold.after", amount=duration(threshold))


@dataclass(frozen=True)
class Missing:
    facts: tuple[str, ...]  # standard facts the sheet does not give
    approved: int | None  # an approved statement, ready to issue
    stale: int | None  # one approved for older facts: to be approved again
    draft: int | None  # one waiting for its approval

    def statement(self) -> dict[str, Any] | None:
        """The statement a reminder points at: the one to issue, else to approve again, else
        to approve; None when there is none yet."""
        for state in ("approved", "stale", "draft"):
            found: int | None = getattr(self, state)
            if found is not None:
                return {"id": found, "state": state}
        return None


def missing(store: Store, view: View) -> Missing:
    from spokes.core import facts, statements

    sheet = facts.sheet(store, view.incident)
    first: dict[str, int] = {}
    for item in statements.for_incident(store, view.incident.id):
        first.setdefault(item.state(sheet.version), item.id)
    return Missing(
        tuple(sheet.missing()), first.get("approved"), first.get("stale"), first.get("draft")
    )


def compose(store: Store, claim: Claim, now: datetime, lang: i18n.Lang, tz: ZoneInfo) -> Message:
    """The reminder, in ``lang``: its subject, its text, and its JSON."""
    from spokes.core.units import get as get_unit

    due, view = claim.due, claim.due.view
    lead = get_unit(store, view.incident.lead_unit)
    gaps = missing(store, view)
    remaining = int((due.deadline.due_at - now).total_seconds())
    with i18n.speaking(lang):
        subject = _subject(view.incident.id, remaining)
        lines = [subject, *_lines(view, lead.name, due.deadline, gaps, lang, tz)]
        label = threshold_label(claim.threshold)
    text = "\n".join(lines)
    payload = {
        "event": "reminder",
        "at": iso_local(now, tz),
        "lang": lang,
        "threshold": {"seconds": claim.threshold, "label": label},
        "remaining_seconds": remaining,
        "deadline": _deadline_json(due.deadline, tz),
        "lead_unit": {"code": lead.code, "name": lead.name},
        "missing": {
            "approved_statement": gaps.approved is None,
            "statement": gaps.statement(),
            "facts": list(gaps.facts),
        },
        "incident": describe(view, tz),
        "subject": subject,
        "text": text,
    }
    return Message(subject, text, payload, urgent=remaining < 0)


def describe(view: View, tz: ZoneInfo) -> dict[str, Any]:
    """The incident as ``incident show --json`` gives it, so a script reads one shape."""
    from spokes.render.incidents import incident_json

    return incident_json(view, tz)


def _deadline_json(deadline: Deadline, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "rule": deadline.rule.name,
        "due_at": iso_local(deadline.due_at, tz),
        "citation": deadline.rule.citation,
    }


def _subject(incident_id: str, remaining: int) -> str:
    from spokes.render.timefmt import duration

    if remaining > 0:
        return t("remind.subject.before", id=incident_id, left=duration(remaining))
    if remaining == 0:
        return t("remind.subject.now", id=incident_id)
    return t("remind.subject.overdue", id=incident_id, late=duration(-remaining))


def _lines(
    view: View, lead_name: str, deadline: Deadline, gaps: Missing, lang: str, tz: ZoneInfo
) -> list[str]:
    from spokes.core import facts
    from spokes.dates import in_text

    incident, speaker = view.incident, view.spokesperson
    lines = [
        t("remind.line.incident", title=incident.title),
        t("remind.line.lead", name=lead_name, code=incident.lead_unit),
    ]
    if speaker is None:
        lines.append(t("remind.line.no_speaker", unit=incident.lead_unit))
    else:
        lines.append(t("remind.line.speaker", name=speaker.name, phone=speaker.phone or "—"))
    due = in_text(deadline.due_at, tz, lang)
    lines.append(t("remind.line.deadline", due=due, rule=deadline.rule.name))
    if gaps.approved is not None:
        lines.append(t("remind.line.ready", id=gaps.approved))
    elif gaps.stale is not None:
        lines.append(t("remind.line.stale", id=gaps.stale))
    elif gaps.draft is not None:
        lines.append(t("remind.line.draft", id=gaps.draft))
    else:
        lines.append(t("remind.line.no_statement", id=incident.id))
    if gaps.facts:
        labels = ", ".join(facts.label(key, lang) for key in gaps.facts)
        lines.append(t("remind.line.no_facts", facts=labels))
    return lines


# -- a whole run -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    incident_id: str
    threshold: int
    channel: str
    failure: RunFailed | None


@dataclass(frozen=True)
class HookRun:
    incident_id: str
    rule: str
    failure: RunFailed | None


@dataclass
class Report:
    deliveries: list[Delivery] = field(default_factory=list)
    hooks: list[HookRun] = field(default_factory=list)

    @property
    def failed(self) -> list[Delivery]:
        return [item for item in self.deliveries if item.failure is not None]


@dataclass(frozen=True)
class Context:
    """What a run needs besides the store: the config, the language of reminders, the zone,
    the clock (read again after each send) and where the stdout channel writes."""

    config: Config
    lang: i18n.Lang
    tz: ZoneInfo
    clock: Callable[[], datetime]
    echo: Echo


def run(store: Store, context: Context) -> Report:
    """Claims, sends, and records every reminder and deadline-missed hook due now."""
    import secrets

    token = secrets.token_hex(8)  # marks this run's claims: only it records their outcome
    plan = claim(store, context.config, context.clock(), token)
    report = Report()
    down: set[str] = set()  # the channels that failed in this run: not tried again in it
    for item in plan.claims:
        report.deliveries += _send(store, item, token, context, down)
    for miss in plan.misses:
        found = _missed(store, miss, token, context)
        if found is not None:
            report.hooks.append(found)
    return report


def _send(
    store: Store, item: Claim, token: str, context: Context, down: set[str]
) -> list[Delivery]:
    message = compose(store, item, context.clock(), context.lang, context.tz)
    done = []
    for row, channel in item.rows:
        assert row is not None  # claimed rows always have one
        failure: RunFailed | None
        if channel.name in down:
            failure = RunFailed("run.channel_down")
            record(store, row, token, failure, context.clock(), tried=False)
        elif not retake(store, row, token, context.clock()):
            continue  # another run took this claim over: it sends it
        else:
            failure = _deliver(channel, message, context)
            record(store, row, token, failure, context.clock())
        if failure is not None:
            down.add(channel.name)
        done.append(Delivery(item.due.view.incident.id, item.threshold, channel.name, failure))
    return done


def _deliver(channel: Channel, message: Message, context: Context) -> RunFailed | None:
    try:
        deliver(channel, message, context.echo)
    except RunFailed as failure:
        return failure
    return None


def _missed(store: Store, miss: Miss, token: str, context: Context) -> HookRun | None:
    now = context.clock()
    assert miss.row is not None
    if not retake(store, miss.row, token, now):
        return None  # another run took it over

    def payload() -> dict[str, Any]:
        return hooks.event(
            "deadline-missed",
            now,
            context.tz,
            deadline=_deadline_json(miss.deadline, context.tz),
            incident=describe(miss.view, context.tz),
        )

    failure = hooks.fire(context.config.hooks, "deadline-missed", payload)
    record(store, miss.row, token, failure, context.clock())
    return HookRun(miss.view.incident.id, miss.deadline.rule.name, failure)


# -- the log ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    id: int
    at: datetime
    incident_id: str
    rule: str
    due_at: datetime
    threshold: int
    channel: str
    # sent, failed, pending, interrupted (pending past the timeout); skipped: older databases
    outcome: str
    attempts: int
    error: RunFailed | None


def log(store: Store, now: datetime, incident_id: str | None = None, limit: int = 0) -> list[Entry]:
    """What was sent, oldest first: the last ``limit`` rows (all when 0), of one incident or all."""
    where, params = "", []
    if incident_id is not None:
        where, params = " WHERE incident_id = ?", [incidents.get(store, incident_id).id]
    sql = "SELECT * FROM reminders" + where + " ORDER BY id DESC"
    if limit > 0:
        sql += f" LIMIT {int(limit)}"
    stale = to_db(now - CLAIM_TIMEOUT) or ""
    return [_entry(row, stale) for row in reversed(store.query(sql, params))]


def _entry(row: Row, stale: str) -> Entry:
    outcome = row["outcome"]
    if outcome == "pending" and row["claimed_at"] < stale:
        outcome = "interrupted"  # its run died: nobody knows whether it went out
    error = None
    if row["error"]:
        stored = json.loads(row["error"])
        error = RunFailed(stored["key"], **stored["params"])
    at, due = from_db(row["done_at"] or row["claimed_at"]), from_db(row["due_at"])
    assert at is not None and due is not None
    return Entry(
        row["id"],
        at,
        row["incident_id"],
        row["rule"],
        due,
        row["threshold"],
        row["channel"],
        outcome,
        row["attempts"],
        error,
    )
