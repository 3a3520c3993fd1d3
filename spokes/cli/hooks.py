"""The hooks other commands run after their change has committed: ``incident-opened`` for
``incident open``, ``statement-issued`` for ``statement issue`` (``remind`` runs
``deadline-missed`` itself)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spokes.cli.common import warn
from spokes.i18n import t
from spokes.workspace import Workspace

if TYPE_CHECKING:
    from spokes.core.incidents import View
    from spokes.core.statements import Outcome


def hook_warning(event: str, reason: str) -> None:
    warn(t("hook.failed", event=event, reason=reason))


def fire_hook(ws: Workspace, event: str, payload: Callable[[], dict[str, Any]]) -> None:
    """Runs the hook of ``event``, if any; a failure is a warning, never an error: the change
    it follows is already saved, and the command's exit code stays what it was."""
    from spokes.core import hooks

    failure = hooks.fire(ws.config.hooks, event, payload)
    if failure is not None:
        hook_warning(event, failure.render())


def incident_opened(ws: Workspace, item: View) -> None:
    """The ``incident-opened`` hook, for ``incident open``."""
    from spokes.core.hooks import event
    from spokes.render.incidents import incident_json

    def payload() -> dict[str, Any]:
        return event("incident-opened", ws.now(), ws.tz, incident=incident_json(item, ws.tz))

    fire_hook(ws, "incident-opened", payload)


def statement_issued(ws: Workspace, outcome: Outcome) -> None:
    """The ``statement-issued`` hook: call it after ``statement issue`` succeeded."""
    from spokes.core import facts, incidents
    from spokes.core.hooks import event
    from spokes.render.incidents import incident_json
    from spokes.render.statements import statement_json

    def payload() -> dict[str, Any]:
        item = outcome.statement
        incident = incidents.get(ws.store, item.incident_id)
        view = incidents.views(ws.store, ws.config, [incident], ws.now())[0]
        version = facts.latest_version(ws.store, item.incident_id)
        return event(
            "statement-issued",
            ws.now(),
            ws.tz,
            statement=statement_json(item, version, ws.tz),
            stopped_clock=outcome.stopped_clock,
            incident=incident_json(view, ws.tz),
        )

    fire_hook(ws, "statement-issued", payload)
