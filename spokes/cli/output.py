"""Where a command's output goes: its format, the file, and how the file is written.

Every command with ``--format`` and ``-o FILE`` (``report day``, ``report period``,
``statement export``, ``spokesperson list``) goes through here, so that they all choose, refuse
and write the same way:

- the format is ``--format``, else the extension of the ``-o`` file, else the command's
  default; an unknown format or extension is refused with the formats listed;
- the file's folder must exist, the file must not be a folder, nor a file of the workspace
  itself (the database, its ``-wal``, ``-shm`` and ``-journal`` files, the config);
- it is written whole (a temporary file beside it, then renamed over it), readable by its
  owner only: reports and directories hold names, phones and e-mail addresses;
- a binary format (docx) is never sent to a terminal.

Every refusal is one line and exit code 1, before any work is done and with nothing written.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from spokes.cli.common import echo
from spokes.errors import InvalidInput, Refused
from spokes.i18n import t
from spokes.workspace import Workspace

OutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help=t("help.opt.output"), metavar="FILE")
]

# Extensions that name a format under another name, when the command has that format.
ALIASES = {"htm": "html", "markdown": "md", "txt": "table"}
BINARY = ("docx",)
_SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's own files beside the database


# -- the format ------------------------------------------------------------------------------


def choose_format(
    fmt: str | None, output: str | None, formats: Sequence[str], default: str | None
) -> str | None:
    """``--format``, else the ``-o`` file's extension, else ``default``. A command without a
    default (a listing that prints a table unless asked) needs one of the first two for -o."""
    choices = ", ".join(formats)
    if fmt is not None:
        cleaned = fmt.strip().lower().lstrip(".")
        if cleaned not in formats:
            raise InvalidInput("output.bad_format", value=fmt, choices=choices)
        return cleaned
    if output is None:
        return default
    extension = Path(output).suffix.lower().lstrip(".")
    if not extension:
        if default is None:
            raise InvalidInput("output.needs_format", path=output, choices=choices)
        return default
    found = extension if extension in formats else ALIASES.get(extension)
    if found is None or found not in formats:
        raise InvalidInput(
            "output.bad_extension", path=output, extension=extension, choices=choices
        )
    return found


# -- the file --------------------------------------------------------------------------------


def workspace_files(ws: Workspace) -> tuple[Path, ...]:
    """The files a command must never write over: the database with SQLite's files beside
    it, and the config."""
    db = ws.db_path
    return (db, *(db.with_name(db.name + suffix) for suffix in _SIDE_FILES), ws.config_path)


def is_workspace_file(path: Path, ws: Workspace) -> bool:
    """Whether ``path`` is one of :func:`workspace_files`, by any name: a relative path, a
    symbolic link, a hard link, another case on a case-insensitive disk."""
    resolved = path.resolve()
    for own in workspace_files(ws):
        if resolved == own.resolve():
            return True
        with contextlib.suppress(OSError):  # one of the two does not exist: not the same file
            if path.samefile(own):
                return True
    return False


def check_target(path: Path, ws: Workspace) -> Path:
    """``path`` if a command may write it: not a folder, in a folder that exists, and not a
    file of the workspace itself."""
    if path.is_dir():
        raise InvalidInput("output.is_folder", path=str(path))
    if not path.parent.is_dir():
        raise InvalidInput("output.no_folder", path=str(path), folder=str(path.parent))
    if is_workspace_file(path, ws):
        raise Refused("output.workspace_file", path=str(path), home=str(ws.root))
    return path


def target(output: str | None, ws: Workspace) -> Path | None:
    """The ``-o`` file, checked before any work is done; None for standard output."""
    return None if output is None else check_target(Path(output).expanduser(), ws)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def refuse_binary_on_terminal(fmt: str | None, path: Path | None) -> None:
    """A docx shows as garbage on a terminal: refused before any work. To a pipe or a
    redirection it goes as it is."""
    if fmt in BINARY and path is None and stdout_is_terminal():
        raise InvalidInput("output.binary_to_terminal", format=fmt)


# -- writing ---------------------------------------------------------------------------------


def deliver(data: bytes | str, path: Path | None, ws: Workspace) -> None:
    """Writes the file and says so, or prints the text (which ends its own lines: a CSV's
    are CR LF), or sends the bytes down a pipe."""
    if path is not None:
        write_files([(path, data)], ws)
        echo(t("output.written", path=str(path)))
        return
    if isinstance(data, bytes) and stdout_is_terminal():
        raise InvalidInput("output.binary_to_terminal", format="docx")
    if isinstance(data, str) and not data.endswith("\n"):
        data += "\n"
    typer.echo(data, nl=False)


def write_files(files: Sequence[tuple[Path, bytes | str]], ws: Workspace) -> None:
    """Writes every file or none: each target is checked first, each is written to a
    temporary file beside it, and only then are they all renamed into place. On a failure the
    temporaries this run made are removed and every file that was there stays as it was (a
    rename failing midway, which the checks make unlikely, leaves the ones renamed before it
    complete and new)."""
    for path, _ in files:
        check_target(path, ws)
    made: list[Path] = []
    current = files[0][0] if files else Path()
    try:
        for current, data in files:
            made.append(_temporary(current, data))
        for temporary, (current, _) in zip(made, files, strict=True):
            os.replace(temporary, current)
    except BaseException as error:
        for temporary in made:
            temporary.unlink(missing_ok=True)  # those already renamed are gone from here
        if isinstance(error, OSError):
            raise _cannot_write(current, error) from None
        raise


def _temporary(path: Path, data: bytes | str) -> Path:
    """A new file beside ``path`` (the rename stays on one file system) holding ``data``,
    created readable by its owner only, flushed to the disk."""
    import tempfile

    raw = data.encode("utf-8") if isinstance(data, str) else data
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(raw)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _cannot_write(path: Path, error: OSError) -> InvalidInput:
    problem = error.strerror or type(error).__name__
    return InvalidInput("output.cannot_write", path=str(path), problem=problem)


# -- folders ---------------------------------------------------------------------------------


def make_folder(folder: Path) -> list[Path]:
    """Creates ``folder`` and its missing parents; the folders it created, deepest first, so
    that a failed run can take them back with :func:`remove_folders`."""
    if folder.is_dir():
        return []
    if folder.exists():
        raise InvalidInput("output.not_folder", path=str(folder))
    missing = [folder]
    for parent in folder.parents:
        if parent.exists():
            break
        missing.append(parent)
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        remove_folders(missing)
        raise _cannot_write(folder, error) from None
    return missing


def remove_folders(created: list[Path]) -> None:
    """Removes the folders :func:`make_folder` created, if they are still empty."""
    for folder in created:
        with contextlib.suppress(OSError):
            folder.rmdir()
