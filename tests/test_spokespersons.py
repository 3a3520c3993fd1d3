"""Spokespersons over time, publication within 24 hours, written authorisations."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run, open_test_store

ASSIGN_LINE = "--title 'Chủ tịch UBND xã' --phone '0912 000 200' --email a@x.example.vn"
ASSIGN = ("--title", "Chủ tịch UBND xã", "--phone", "0912 000 200", "--email", "a@x.example.vn")


def test_assignment_ends_previous_term(tan_uyen: Run) -> None:
    result = tan_uyen(
        "spokesperson",
        "assign",
        "phuc-khoa",
        "--name",
        "Đèo Văn Khoa",
        *ASSIGN,
        "--from",
        "20/11/2026 08:00",
        "--decision",
        "Số 12/QĐ-UBND",
    )
    assert result.exit_code == 0, result
    before = tan_uyen("spokesperson", "who", "phuc-khoa", "--at", "19/11/2026 12:00", "--json")
    assert before.json()["spokesperson"]["name"] == "Lù Thị Mai"
    after = tan_uyen("spokesperson", "who", "phuc-khoa", "--json").json()["spokesperson"]
    assert after["name"] == "Đèo Văn Khoa"
    assert after["decision"] == "Số 12/QĐ-UBND"
    assert after["since"] == "2026-11-20T08:00:00+07:00"
    old = tan_uyen("spokesperson", "list", "--at", "15/11/2026 08:00", "--json").json()
    entry = next(item for item in old if item["unit"] == "phuc-khoa")
    assert entry["spokesperson"]["until"] == "2026-11-20T08:00:00+07:00"


def test_exactly_one_regular_at_any_moment(tan_uyen: Run, refused) -> None:
    refused(
        "spokesperson",
        "assign",
        "phuc-khoa",
        "--name",
        "X",
        *ASSIGN,
        "--from",
        "01/10/2026 08:00",
        expected="a new assignment must start later",
    )


def test_directory_flags_units_without_spokesperson(tan_uyen: Run) -> None:
    listed = tan_uyen("spokesperson", "list", "--json").json()
    by_unit = {item["unit"]: item for item in listed}
    assert by_unit["ho-mit"]["missing"] is True
    assert by_unit["ho-mit"]["spokesperson"] is None
    assert by_unit["phuc-khoa"]["missing"] is False
    text = tan_uyen("--lang", "vi", "spokesperson", "list").stdout
    assert "CHƯA CÓ NGƯỜI PHÁT NGÔN" in text
    who = tan_uyen("spokesperson", "who", "ho-mit")
    assert who.exit_code == 0
    assert "has no spokesperson" in who.stdout


def test_publication_unpublished_then_overdue_then_published(tan_uyen: Run) -> None:
    tan_uyen(
        "spokesperson", "assign", "ho-mit", "--name", "Vàng A Sùng", *ASSIGN, "--from", "10:00"
    )

    def state(now: str) -> str:
        listed = tan_uyen("spokesperson", "list", "--unit", "ho-mit", "--json", now=now).json()
        return str(listed[0]["spokesperson"]["publication"])

    assert state("2026-11-29T14:00:00+07:00") == "unpublished"
    pending = tan_uyen("status", "--json").json()["unpublished_spokespersons"]
    assert [(item["unit"], item["due_at"], item["overdue"]) for item in pending] == [
        ("phuc-khoa", "2026-11-02T08:00:00+07:00", True),  # the fixture's, never published
        ("ho-mit", "2026-11-30T10:00:00+07:00", False),
    ]
    assert state("2026-11-30T10:01:00+07:00") == "overdue"
    text = tan_uyen("status", now="2026-11-30T10:01:00+07:00").stdout
    assert "ho-mit: Vàng A Sùng, OVERDUE since" in text
    published = tan_uyen(
        "spokesperson published ho-mit --at '30/11/2026 11:00'", now="2026-11-30T12:00:00+07:00"
    )
    assert published.exit_code == 0, published
    assert state("2026-11-30T12:00:00+07:00") == "late"  # 11:00, after the 10:00 due time
    assert state("2026-11-30T10:30:00+07:00") == "overdue"  # not yet published at 10:30
    unpublished = tan_uyen("status", "--json").json()["unpublished_spokespersons"]
    assert [item["unit"] for item in unpublished] == ["phuc-khoa"]  # the fixture's, never published


def test_published_twice_or_without_spokesperson_is_refused(tan_uyen: Run, refused) -> None:
    assert tan_uyen("spokesperson", "published", "phuc-khoa").exit_code == 0
    refused("spokesperson published phuc-khoa", expected="already published")
    refused("spokesperson published ho-mit", expected="no spokesperson to publish")


def test_authorisation_is_time_limited(tan_uyen: Run) -> None:
    result = tan_uyen(
        "spokesperson authorize ho-mit --name 'Lò Thị Hạnh' --title 'Công chức' --from 13:00"
        " --until +2d --document 'Giấy ủy quyền số 3/GUQ' --by 'Chủ tịch UBND xã Hố Mít'"
    )
    assert result.exit_code == 0, result
    who = tan_uyen("spokesperson", "who", "ho-mit", "--json").json()
    assert who["spokesperson"] is None
    assert who["authorised"][0]["name"] == "Lò Thị Hạnh"
    assert who["authorised"][0]["until"] == "2026-12-01T14:00:00+07:00"
    later = tan_uyen("spokesperson", "who", "ho-mit", "--json", now="2026-12-02T09:00:00+07:00")
    assert later.json()["authorised"] == []
    opened = tan_uyen("incident", "open", "Đá lăn", "--unit", "ho-mit", "--json")
    assert opened.json()["spokesperson"]["name"] == "Lò Thị Hạnh"  # on duty, no warning
    assert "NO SPOKESPERSON" not in opened.stderr


def test_authorised_person_cannot_authorise_anyone(tan_uyen: Run, refused) -> None:
    tan_uyen("spokesperson authorize ho-mit --name 'Lò Thị Hạnh' --from 13:00 --until +1d")
    refused(
        "spokesperson authorize ho-mit --name 'Người Khác' --from 13:30 --until +1d"
        " --by 'lò thị  hạnh'",
        expected="an authorised person cannot authorise anyone else",
    )
    vi = tan_uyen(
        "--lang vi spokesperson authorize ho-mit --name 'Người Khác' --from 13:30 --until +1d"
        " --by 'Lò Thị Hạnh'"
    )
    assert "không được ủy quyền lại" in vi.stderr


def test_regular_spokesperson_may_authorise(tan_uyen: Run) -> None:
    result = tan_uyen(
        "spokesperson authorize phuc-khoa --name 'Cà Văn Dũng' --from 13:00 --until +4h --by"
        " 'Lù Thị Mai'"
    )
    assert result.exit_code == 0, result


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "assign phuc-khoa --name X --title T --phone 12 --email a@b.vn",
            "phone number '12' is not valid",
        ),
        (
            "assign phuc-khoa --name X --title T --phone 0912000200 --email not-an-email",
            "e-mail address 'not-an-email' is not valid",
        ),
        (f"assign nowhere --name X {ASSIGN_LINE}", "unknown unit 'nowhere'"),
        (f"assign ho-mit --name X {ASSIGN_LINE} --from 'in 2h'", "in the future"),
        (
            "authorize ho-mit --name X --from 14:00 --until 13:00",
            "--until must be later than --from",
        ),
        (
            "authorize ho-mit --name X --from 13:00 --until +1h --incident 2026-0077",
            "unknown incident '2026-0077'",
        ),
        (
            "authorize ho-mit --name X --from 13:00 --until soon",
            "cannot read the time 'soon'",
        ),
    ],
)
def test_bad_spokesperson_input_is_refused(
    tan_uyen: Run, refused, line: str, expected: str
) -> None:
    refused(f"spokesperson {line}", expected=expected)


def test_who_speaks_now_is_found_without_reading_every_past_designation(
    tan_uyen: Run, workspace: Path
) -> None:
    """`status` and `watch` ask this on every read; history must not make it slower."""
    from spokes.core import spokespersons

    store = open_test_store(workspace)
    with store.transaction():  # years of past designations, all of them expired
        store.execute(
            "INSERT INTO spokespersons (unit_code, role, name, valid_from, valid_until,"
            " created_at) WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
            " WHERE i < 5000) SELECT 'ho-mit', 'regular', 'Người cũ', '2020-01-01T00:00:00Z',"
            " '2020-06-01T00:00:00Z', '2020-01-01T00:00:00Z' FROM n"
        )
    postgresql = store.backend == "postgresql"
    if postgresql:
        store.execute("ANALYZE spokespersons")  # as autovacuum does: the planner knows the table
    plans: list[str] = []
    original = store.query

    def explained(sql: str, params: Any = ()) -> Any:
        if sql.lstrip().startswith("SELECT * FROM spokespersons"):
            if postgresql:
                plan = original("EXPLAIN " + sql, params)
                plans.extend(row["QUERY PLAN"].strip() for row in plan)
            else:
                plan = original("EXPLAIN QUERY PLAN " + sql, params)
                plans.extend(row["detail"] for row in plan)
        return original(sql, params)

    store.query = explained  # type: ignore[method-assign]
    at = datetime(2026, 11, 29, 7, tzinfo=UTC)
    assert set(spokespersons.regulars_at(store, at)) == {"phuc-khoa"}
    spokespersons.authorisations_at(store, at)
    store.close()
    scan = "Seq Scan on spokespersons" if postgresql else "SCAN spokespersons"
    assert plans and not any(plan.lstrip("-> ").startswith(scan) for plan in plans), plans
