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
from spokes.core.hooks import RunFailed, problem, run_program, run_with_json

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
        reason = f"{type(error).__name__}: {error}"
        raise RunFailed("run.unexpected", problem=reason) from error


def _stdout(channel: Channel, message: Message, echo: Echo) -> None:
    echo(message.text + "\n")


def _command(channel: Channel, message: Message, echo: Echo) -> None:
    # The incident's words go on stdin only: argv is exactly what the config says, so no title
    # can become an option or a shell word.
    run_with_json(channel.argv, message.payload, channel.timeout)


def _desktop(channel: Channel, message: Message, echo: Echo) -> None:
    import shutil

    program = shutil.which("notify-send")
    if program is None:  # checked by unavailable() before claiming: gone since
        raise RunFailed("run.no_notify_send")
    urgency = "critical" if message.urgent else "normal"
    # "--" ends the options: a title starting with "-" stays a title.
    argv = [program, "--app-name=spokes", f"--urgency={urgency}", "--", message.subject]
    run_program([*argv, message.text], b"", channel.timeout)


def unavailable(channel: Channel) -> RunFailed | None:
    """Why ``channel`` cannot work on this machine at all, right now: then it is left out of
    the run (neither sent, nor failed, nor retried), as cron runs without a desktop session."""
    import os
    import shutil

    if channel.type != "desktop":
        return None
    if shutil.which("notify-send") is None:
        return RunFailed("run.no_notify_send")
    session = ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY")
    if not any(os.environ.get(name) for name in session):
        return RunFailed("run.no_session")
    return None


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
    except smtplib.SMTPException as error:  # the server's own answer, e.g. (535, ...)
        reason = str(error) or type(error).__name__
        raise RunFailed("run.smtp", server=_server(channel), problem=reason) from None
    except OSError as error:
        raise RunFailed("run.smtp", server=_server(channel), **problem(error)) from None


def _server(channel: Channel) -> str:
    return f"{channel.host}:{channel.port}"


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
    import http.client
    import urllib.error
    import urllib.request

    assert channel.url is not None
    body = json.dumps(message.payload, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "spokes"}
    headers |= dict(channel.headers) | _secret_headers(channel)
    request = urllib.request.Request(channel.url, data=body, headers=headers, method="POST")
    target = _site(channel.url)
    try:
        with _opener().open(request, timeout=_seconds(channel)) as response:
            status = int(response.status)
    except urllib.error.HTTPError as error:
        status = error.code
    except urllib.error.URLError as error:
        reason = error.reason
        # urllib's own reasons for http(s) never quote the URL ("no host given").
        found = problem(reason) if isinstance(reason, BaseException) else {"problem": str(reason)}
        raise RunFailed("run.unreachable", target=target, **found) from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        # Only the error's type or the system's reason: http.client's own messages quote the
        # URL's path (InvalidURL) or a header's value (ValueError), where tokens live.
        raise RunFailed("run.unreachable", target=target, **problem(error)) from None
    if not 200 <= status < 300:
        raise RunFailed("run.http_status", target=target, status=status)


def _secret_headers(channel: Channel) -> dict[str, str]:
    """The headers whose values come from the environment (``headers_env``)."""
    import os

    found = {}
    for header, variable in channel.headers_env:
        value = os.environ.get(variable)
        if not value:
            raise RunFailed("run.no_header_value", header=header, variable=variable)
        found[header] = value
    return found


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
