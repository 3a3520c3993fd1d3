"""CSV output is safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest

from spokes.render.csvout import safe_cell, to_csv

pytestmark = pytest.mark.no_database  # pure functions: no database is ever opened


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+84 912", "'+84 912"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Sạt lở đất", "Sạt lở đất"),
        ("-15", "-15"),  # a number stays a number
        ("3.5", "3.5"),
        (42, "42"),
        (None, ""),
        (True, "true"),
    ],
)
def test_cells_a_spreadsheet_would_run_are_neutralised(value: object, expected: str) -> None:
    assert safe_cell(value) == expected


def test_a_document_reads_back_with_every_cell_safe() -> None:
    text = to_csv(["id", "title"], [["2026-0001", "=1+1"], ["2026-0002", "Cháy, nhà"]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["id", "title"], ["2026-0001", "'=1+1"], ["2026-0002", "Cháy, nhà"]]
    assert text.endswith("\r\n")
