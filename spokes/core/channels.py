"""Delivery of one reminder through one channel: stdout, a command, the desktop, e-mail, a
webhook. Each raises :class:`RunFailed` saying why it could not deliver; the caller records
the outcome per channel, so one channel failing never stops the others.

The network and process modules are imported inside the functions that use them: every other
command's start-up pays nothing for them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spokes.config import Channel
from spokes.core.hooks import RunFailed, run_with_json

Echo = Callable[[str], None]


@dataclass(frozen=True)
class Message:
    """A reminder as every channel sends it: a subject line, the text, and the JSON."""

    subject: str
    text: str
    payload: dict[str, Any]
    urgent: bool  # the deadline has passed


def deliver(channel: Channel, message: Message, echo: Echo) -> None:
    try:
        _SENDERS[channel.type](channel, message, echo)
    except RunFailed:
        raise
    except Exception as error:
        # A bug or a surprise in one channel must not stop the others, nor leave its claim
        # pending: it is a failure like any other, reported, recorded and retried.
        problem = f"{type(error).__name__}: {error}"
        raise RunFailed("run.unexpected", problem=problem) from error


def _stdout(channel: Channel, message: Message, echo: Echo) -> None:
    echo(message.text + "\n")


def _command(channel: Channel, message: Message, echo: Echo) -> None:
    # The incident's words go on stdin only: argv is exactly what the config says, so no title
    # can become an option or a shell word.
    run_with_json(channel.argv, message.payload, channel.timeout)


def _desktop(channel: Channel, message: Message, echo: Echo) -> None:
    import shutil
    import subprocess

    program = shutil.which("notify-send")
    if program is None:
        raise RunFailed("run.no_notify_send")
    urgency = "critical" if message.urgent else "normal"
    # "--" ends the options: a title starting with "-" stays a title.
    argv = [program, "--app-name=spokes", f"--urgency={urgency}", "--", message.subject]
    try:
        done = subprocess.run(
            [*argv, message.text],
            capture_output=True,
            timeout=channel.timeout.total_seconds(),
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RunFailed("run.timed_out", seconds=f"{channel.timeout.total_seconds():g}") from None
    except OSError as error:
        raise RunFailed("run.cannot_start", program=program, problem=str(error)) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()[:200]
        raise RunFailed(
            "run.exit_code", program=program, code=done.returncode, detail=f": {detail}"
        )


def _email(channel: Channel, message: Message, echo: Echo) -> None:
    import os
    import smtplib
    import ssl

    assert channel.host is not None and channel.port is not None
    password = None
    if channel.username:
        assert channel.password_env is not None  # the config requires it with a username
        password = os.environ.get(channel.password_env)
        if not password:
            raise RunFailed("run.no_password", variable=channel.password_env)
    mail = _mail(channel, message)
    try:
        with smtplib.SMTP(channel.host, channel.port, timeout=_seconds(channel)) as smtp:
            if channel.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if channel.username and password:
                _login(smtp, channel.username, password)
            smtp.send_message(mail)
    except (smtplib.SMTPException, OSError) as error:
        problem = str(error) or type(error).__name__
        raise RunFailed(
            "run.smtp", server=f"{channel.host}:{channel.port}", problem=problem
        ) from None


def _login(smtp: Any, username: str, password: str) -> None:
    """smtplib sends credentials as ASCII only; a Vietnamese password ("mật-khẩu") goes as
    AUTH PLAIN in UTF-8, as RFC 4616 defines it."""
    import base64
    import smtplib

    if (username + password).isascii():
        smtp.login(username, password)
        return
    smtp.ehlo_or_helo_if_needed()
    token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, reply = smtp.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _mail(channel: Channel, message: Message) -> Any:
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid

    mail = EmailMessage()
    mail["Subject"] = message.subject
    mail["From"] = channel.sender
    mail["To"] = ", ".join(channel.to)
    mail["Date"] = formatdate(localtime=True)
    # The sender's domain, not the host name: make_msgid() would look that up on every mail.
    domain = (channel.sender or "").rpartition("@")[2] or "spokes.invalid"
    mail["Message-ID"] = make_msgid(domain=domain)
    mail.set_content(message.text)  # UTF-8, encoded for any SMTP server
    return mail


def _webhook(channel: Channel, message: Message, echo: Echo) -> None:
    import urllib.error
    import urllib.request

    assert channel.url is not None
    body = json.dumps(message.payload, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "spokes"}
    request = urllib.request.Request(
        channel.url, data=body, headers={**headers, **dict(channel.headers)}, method="POST"
    )
    try:
        with _opener().open(request, timeout=_seconds(channel)) as response:
            status = int(response.status)
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, OSError, ValueError) as error:
        problem = str(getattr(error, "reason", error))
        raise RunFailed("run.unreachable", target=_site(channel.url), problem=problem) from None
    if not 200 <= status < 300:
        raise RunFailed("run.http_status", target=_site(channel.url), status=status)


def _site(url: str) -> str:
    """The scheme, host and port only: a chat bot's token often sits in the path or the query,
    and errors end up in cron mail and in the log."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")


def _opener() -> Any:
    """An opener that follows no redirect: a POST turned into a GET elsewhere is not delivered,
    and any answer other than 2xx is a failure."""
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    return urllib.request.build_opener(NoRedirect)


def _seconds(channel: Channel) -> float:
    return channel.timeout.total_seconds()


_SENDERS: dict[str, Callable[[Channel, Message, Echo], None]] = {
    "stdout": _stdout,
    "command": _command,
    "desktop": _desktop,
    "email": _email,
    "webhook": _webhook,
}
