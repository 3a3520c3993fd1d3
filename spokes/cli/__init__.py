"""The command line: a thin typer layer over :mod:`spokes.core`.

``main`` picks the language before the command modules are imported, so that their help texts
are in it too, and is the last boundary: an unexpected error prints one line, not a traceback
(set ``SPOKES_DEBUG=1`` to see it).
"""

from __future__ import annotations

import os
import sys

from spokes import i18n


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


def main() -> None:
    lang, _ = i18n.resolve(_peek_lang(sys.argv[1:]), _configured_lang())
    i18n.set_language(lang)
    from spokes.cli.app import app
    from spokes.errors import ExitCode

    try:
        app(prog_name="spokes")
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        if os.environ.get("SPOKES_DEBUG") == "1":
            raise
        message = i18n.t("error.internal", kind=type(error).__name__)
        print(f"{i18n.t('label.error')}: {message}", file=sys.stderr)
        sys.exit(ExitCode.INTERNAL)
