"""Text edited by hand in the user's ``$VISUAL`` or ``$EDITOR``, run without a shell."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from spokes.errors import InvalidInput


def editor_command() -> list[str]:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise InvalidInput("editor.none")
    return shlex.split(command)


def edit(text: str, suffix: str) -> tuple[str, Path]:
    """Opens ``text`` in the editor; returns what was saved and the file it is kept in (so a
    refused edit can be fixed without typing it again). The file is private to the user."""
    command = editor_command()
    handle, name = tempfile.mkstemp(prefix="spokes-", suffix=suffix)
    path = Path(name)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    try:
        finished = subprocess.run([*command, str(path)], check=False)
    except OSError as error:
        path.unlink(missing_ok=True)
        raise InvalidInput("editor.failed", command=command[0], reason=error.strerror) from None
    if finished.returncode != 0:
        raise InvalidInput("editor.exit", command=command[0], code=finished.returncode, path=path)
    return path.read_text(encoding="utf-8"), path


def read_text_file(path: str) -> str:
    """A file of text, or ``-`` for standard input; UTF-8, with or without a byte-order mark."""
    import sys

    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput("file.not_found", path=path) from None
    except UnicodeDecodeError:
        raise InvalidInput("file.not_utf8", path=path) from None
    except OSError as error:
        raise InvalidInput("file.unreadable", path=path, reason=error.strerror) from None
