"""Frames of the live countdown (``spokes watch``).

A frame is a pure function of a board read from the database, a moment, the screen's size and
the language: the tests render frames at frozen moments, and the live loop renders one a second.
The table is ``spokes status``'s own (same columns, same fitting to the width); only its rows'
colours and the footer are added here. This module imports rich: only ``watch`` imports it.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from rich.text import Text

from spokes import i18n
from spokes.clock import zone
from spokes.core import watch
from spokes.core.policy import STATES
from spokes.core.status import Status
from spokes.i18n import Lang, t
from spokes.render import timefmt
from spokes.render.incidents import STATE_STYLE, incident_table, state_label, unpublished_lines
from spokes.render.table import width_of


def frame(
    board: watch.Board,
    now: datetime,
    width: int | None,
    lang: Lang,
    *,
    height: int | None = None,
    frozen: bool = False,
    interval: float | None = None,
) -> Text:
    """The screen at ``now``: title, table, designations not yet published, footer.

    ``width`` is the console's at this frame (None: a pipe, nothing cut); with ``height`` the
    footer sits on the last lines and the table is cut to fit above it. ``interval`` (seconds
    between reads) is shown with the keys when live; ``frozen`` says SPOKES_NOW holds the clock.
    """
    with i18n.speaking(lang):  # messages and times in the frame's own language
        status = watch.at(board, now)
        tz = zone(board.config.timezone)
        top = [Text(_title(board.unit), style="bold"), Text()]
        body = _table(status, tz, width) + _unpublished(status, tz)
        foot = _footer(status, tz, frozen, interval)
        rule_width = width or max(width_of(line.plain) for line in top + body + foot)
        foot.insert(0, Text("─" * rule_width, style="dim"))
        if height is not None:
            body = _fit(body, height - len(top) - len(foot))
        screen = Text("\n").join(top + body + foot)
    # Each line stays one line: a narrow terminal crops it rather than breaking the layout.
    screen.no_wrap, screen.overflow = True, "crop"
    return screen


def _title(unit: str | None) -> str:
    return t("watch.title_unit", unit=unit) if unit else t("watch.title")


def _table(status: Status, tz: ZoneInfo, width: int | None) -> list[Text]:
    if not status.views:
        return [Text(t("status.none_open"))]
    lines = incident_table(status.views, status.now, tz, False, width).split("\n")
    styles = [STATE_STYLE.get(view.reading.state or "") for view in status.views]
    if len(lines) != len(styles) + 2:  # one line per row, after the header and its rule
        return [Text(line) for line in lines]
    header = [Text(lines[0], style="bold"), Text(lines[1])]
    rows = zip(lines[2:], styles, strict=True)
    return header + [Text(line, style=style or "") for line, style in rows]


def _unpublished(status: Status, tz: ZoneInfo) -> list[Text]:
    if not status.unpublished:
        return []
    lines = [t("status.unpublished_header"), *unpublished_lines(status.unpublished, tz, status.now)]
    return [Text(), *(Text(line) for line in lines)]


def _footer(status: Status, tz: ZoneInfo, frozen: bool, interval: float | None) -> list[Text]:
    lines = [
        Text(t("watch.now", now=_moment(status.now, tz))),
        Text(_next(status, tz)),
        _counts(status),
    ]
    notes = [t("label.frozen_clock")] if frozen else []
    if interval is not None:
        notes.append(t("watch.keys", interval=f"{interval:g}"))
    if notes:
        lines.append(Text("  ·  ".join(notes), style="dim"))
    return lines


def _moment(now: datetime, tz: ZoneInfo) -> str:
    """The time in full, to the second: the one thing on screen that moves every second."""
    local = now.astimezone(tz)
    # `full` writes hours and minutes once, in both languages; the seconds go after them.
    return timefmt.full(now, tz).replace(f"{local:%H:%M}", f"{local:%H:%M:%S}", 1)


def _next(status: Status, tz: ZoneInfo) -> str:
    view = watch.next_deadline(status)
    if view is None:
        return t("watch.next_none")
    incident, reading = view.incident, view.reading
    return t(
        "watch.next",
        at=timefmt.when(reading.deadline, tz, status.now),
        id=incident.id,
        unit=incident.lead_unit,
        left=countdown(reading.remaining_seconds or 0),
    )


def countdown(seconds: int) -> str:
    """``1:04:59``: hours, minutes and seconds left, the same in both languages."""
    hours, rest = divmod(max(seconds, 0), 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def _counts(status: Status) -> Text:
    line = Text()
    for index, state in enumerate(STATES):
        count = status.counts.get(state, 0)
        if index:
            line.append("  ·  ")
        style = STATE_STYLE.get(state) if count else None
        line.append(f"{state_label(state)} {count}", style=style or "")
    return line


def _fit(body: list[Text], room: int) -> list[Text]:
    """The body cut to ``room`` lines (saying how many are hidden), or padded so that the
    footer sits at the bottom of the screen."""
    if len(body) <= room:
        return body + [Text() for _ in range(room - len(body))]
    keep = max(room - 1, 0)
    hidden = Text(t("watch.more", count=len(body) - keep), style="dim")
    return [*body[:keep], hidden]
