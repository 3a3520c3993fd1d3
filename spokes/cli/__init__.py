"""The command line: a thin typer layer over :mod:`spokes.core`.

``main`` picks the language before the command modules are imported, so that their help texts
are in it too, and is the last boundary: an unexpected error prints one line, not a traceback
(set ``SPOKES_DEBUG=1`` to see it).
"""

from __future__ import annotations

import os
import sys

from spokes import i18n
from spokes.workspace import Workspace


def _peek_lang(argv: list[str]) -> str | None:
    """``--lang`` from the command line, read before typer parses it (for help texts)."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _configured_lang() -> str | None:
    from spokes import config, workspace

    try:
        root, _ = workspace.home()
        return config.load(root / workspace.CONFIG_NAME).lang
    except Exception:  # a broken config is reported properly once the command runs
        return None


def prepare(lang_option: str | None) -> Workspace:
    """The workspace of this run, with its language and zone in force for every message."""
    ws = Workspace.load()
    ws.lang, ws.lang_source = i18n.resolve(lang_option, ws.config.lang)
    i18n.set_language(ws.lang)
    i18n.set_zone(ws.tz)
    return ws


def _fast(argv: list[str]) -> int | None:
    if os.environ.get("SPOKES_NO_FASTPATH") == "1":  # tests compare both paths
        return None
    from spokes.cli.fastpath import run

    return run(argv)


def main() -> None:
    from spokes.errors import ExitCode

    try:
        code = _fast(sys.argv[1:])
        if code is not None:
            sys.exit(code)
        lang, _ = i18n.resolve(_peek_lang(sys.argv[1:]), _configured_lang())
        i18n.set_language(lang)
        from spokes.cli.app import app

        app(prog_name="spokes")
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        if os.environ.get("SPOKES_DEBUG") == "1":
            raise
        message = i18n.t("error.internal", kind=type(error).__name__)
        print(f"{i18n.t('label.error')}: {message}", file=sys.stderr)
        sys.exit(ExitCode.INTERNAL)
