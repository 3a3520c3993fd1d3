"""Every message the program prints, as ``key: (English, Vietnamese)``, one module per part.

Keep the two side by side: a reviewer sees at once when one is missing or says something else.
Placeholders are ``str.format`` fields; a datetime placeholder is shown in the workspace's zone.
``tests/test_i18n.py`` checks that no key is defined in two modules.
"""

from __future__ import annotations

from spokes.messages import (
    base,
    database,
    documents,
    press,
    remind,
    reports,
    transfer,
    watch,
)

PARTS = (
    base.MESSAGES,
    reports.MESSAGES,
    documents.MESSAGES,
    transfer.MESSAGES,
    watch.MESSAGES,
    remind.MESSAGES,
    press.MESSAGES,
    database.MESSAGES,
)

MESSAGES: dict[str, tuple[str, str]] = {key: value for part in PARTS for key, value in part.items()}
