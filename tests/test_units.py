"""Units: add, list, show, edit, import from CSV (checked whole before anything is written)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.conftest import Run


def test_add_list_show(run: Run) -> None:
    assert (
        run("unit", "add", "tan-uyen", "UBND huyện Tân Uyên", "--kind", "district").exit_code == 0
    )
    added = run(
        "unit", "add", "Phuc-Khoa", "UBND xã Phúc Khoa", "--kind", "commune", "--parent", "TAN-UYEN"
    )
    assert added.exit_code == 0, added
    assert "phuc-khoa" in added.stdout
    listed = run("unit", "list", "--json").json()
    assert listed == [
        {"code": "phuc-khoa", "name": "UBND xã Phúc Khoa", "kind": "commune", "parent": "tan-uyen"},
        {"code": "tan-uyen", "name": "UBND huyện Tân Uyên", "kind": "district", "parent": None},
    ]
    text = run("--lang", "vi", "unit", "list").stdout
    assert text.index("tan-uyen") < text.index("phuc-khoa")  # parents first
    assert "xã" in text and "huyện" in text
    shown = run("unit", "show", "PHUC-KHOA", "--json").json()
    assert shown["parent"] == "tan-uyen"
    assert shown["spokesperson"] is None
    assert run("unit", "show", "tan-uyen", "--json").json()["children"] == ["phuc-khoa"]


def test_names_are_stored_nfc(run: Run) -> None:
    decomposed = unicodedata.normalize("NFD", "UBND xã Phúc Khoa")
    assert decomposed != "UBND xã Phúc Khoa"
    run("unit", "add", "phuc-khoa", decomposed, "--kind", "commune")
    assert run("unit", "show", "phuc-khoa", "--json").json()["name"] == "UBND xã Phúc Khoa"


def test_edit_changes_name_kind_parent(run: Run) -> None:
    run("unit", "add", "lai-chau", "UBND tỉnh Lai Châu", "--kind", "province")
    run("unit", "add", "tan-uyen", "Huyen Tan Uyen", "--kind", "other")
    edited = run(
        "unit edit tan-uyen --name 'UBND huyện Tân Uyên' --kind district --parent lai-chau"
    )
    assert edited.exit_code == 0, edited
    shown = run("unit", "show", "tan-uyen", "--json").json()
    assert (shown["name"], shown["kind"], shown["parent"]) == (
        "UBND huyện Tân Uyên",
        "district",
        "lai-chau",
    )
    assert run("unit", "edit", "tan-uyen", "--no-parent").exit_code == 0
    assert run("unit", "show", "tan-uyen", "--json").json()["parent"] is None


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("unit", "add", "tan-uyen", "Trùng", "--kind", "district"), "already exists"),
        (("unit", "add", "xã phúc", "Tên", "--kind", "commune"), "the code 'xã phúc' is not valid"),
        (("unit", "add", "abc", "Tên", "--kind", "xa"), "unknown kind 'xa'"),
        (("unit", "add", "abc", "  ", "--kind", "commune"), "the name is empty"),
        (
            ("unit", "add", "abc", "Tên", "--kind", "commune", "--parent", "tan-uyem"),
            "unknown unit 'tan-uyem'. Did you mean 'tan-uyen'?",
        ),
        (("unit", "show", "tan-uyem"), "Did you mean 'tan-uyen'?"),
        (("unit", "edit", "tan-uyen", "--parent", "tan-uyen"), "cannot be the parent"),
        (("unit", "edit", "tan-uyen", "--parent", "phuc-khoa"), "cannot be the parent"),
        (("unit", "edit", "tan-uyen", "--kind", "planet"), "unknown kind 'planet'"),
    ],
)
def test_bad_unit_input_is_refused(run: Run, refused, args: tuple[str, ...], expected: str) -> None:
    run("unit", "add", "tan-uyen", "UBND huyện Tân Uyên", "--kind", "district")
    run(
        "unit", "add", "phuc-khoa", "UBND xã Phúc Khoa", "--kind", "commune", "--parent", "tan-uyen"
    )
    refused(*args, expected=expected)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_import_csv_parents_may_come_later_and_bom_is_accepted(run: Run, tmp_path: Path) -> None:
    csv = write(
        tmp_path / "units.csv",
        "code,name,kind,parent\n"
        "phuc-khoa,UBND xã Phúc Khoa,commune,tan-uyen\n"
        "tan-uyen,UBND huyện Tân Uyên,district,\n",
        encoding="utf-8-sig",
    )
    result = run("unit", "import", str(csv))
    assert result.exit_code == 0, result
    assert "2 added" in result.stdout
    again = run("unit", "import", str(csv))
    assert "0 added, 0 updated, 2 unchanged" in again.stdout
    write(csv, "code,name,kind,parent\ntan-uyen,UBND huyện Tân Uyên (cũ),district,\n")
    assert "1 updated" in run("unit", "import", str(csv)).stdout
    assert run("unit", "show", "tan-uyen", "--json").json()["name"] == "UBND huyện Tân Uyên (cũ)"


def test_example_directory_imports(run: Run) -> None:
    example = Path(__file__).parents[1] / "examples" / "tan-uyen-2021" / "units.csv"
    assert run("unit", "import", str(example)).exit_code == 0
    assert len(run("unit", "list", "--json").json()) == 16


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("code,name\na,B\n", "lacks the column(s) kind"),
        (
            "code,name,kind,parent\nok,Tốt,commune,\nbad code,X,commune,\n",
            "line 3: the code 'bad code'",
        ),
        ("code,name,kind,parent\na,A,commune,\nb,B,planet,\n", "line 3: unknown kind 'planet'"),
        ("code,name,kind,parent\na,A,commune,zzz\n", "line 2: unknown parent unit 'zzz'"),
        (
            "code,name,kind,parent\na,A,commune,\nA,A2,commune,\n",
            "code 'a' already appears on line 2",
        ),
        ("code,name,kind,parent\na,A,commune,b\nb,B,commune,a\n", "each other's parents"),
    ],
)
def test_broken_csv_writes_nothing(
    run: Run, refused, tmp_path: Path, content: str, expected: str
) -> None:
    run("unit", "list")  # creates the empty database
    refused("unit", "import", str(write(tmp_path / "u.csv", content)), expected=expected)


def test_csv_reports_every_problem_at_once(run: Run, tmp_path: Path) -> None:
    csv = write(tmp_path / "u.csv", "code,name,kind,parent\n-x,A,commune,\ny,,commune,\nz,Z,?,\n")
    result = run("unit", "import", str(csv))
    assert result.exit_code == 1
    assert "3 problem(s), nothing was imported" in result.stderr
    for line in ("line 2", "line 3", "line 4"):
        assert line in result.stderr


def test_csv_not_utf8_and_missing_file(run: Run, tmp_path: Path) -> None:
    csv = write(tmp_path / "u.csv", "code,name,kind,parent\na,Phúc,commune,\n", encoding="cp1258")
    assert "not UTF-8" in run("unit", "import", str(csv)).stderr
    missing = run("unit", "import", str(tmp_path / "nope.csv"))
    assert missing.exit_code == 1
    assert "no such file" in missing.stderr
