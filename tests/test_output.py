"""Where output goes (spokes.cli.output), the same for every command that writes files:
``report day``, ``report period``, ``statement export`` (one file and ``--all``) and
``spokesperson list``. The format comes from --format, else the file's extension, else the
default; the workspace's own files are never written over; files are written whole, readable
by their owner only; every refusal is one line, exit code 1, with nothing written."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from spokes.cli import output
from spokes.workspace import Workspace
from tests.conftest import Result, Run
from tests.test_documents import draft, issue, open_landslide, setup_directory

Refuse = Callable[..., Result]

# One command of each kind, with a text format of its own.
COMMANDS = {
    "report day": ("report", "day"),
    "report period": ("report", "period", "--from", "01/11/2026"),
    "statement export": ("statement", "export", "1"),
    "spokesperson list": ("spokesperson", "list"),
}
TEXT_FORMAT = {"report day": "md", "report period": "csv", "statement export": "txt"}
TEXT_FORMAT["spokesperson list"] = "md"


@pytest.fixture
def issued(run: Run) -> Run:
    """29/11/2026: incident 2026-0001 of Phúc Khoa involving cong-an, statement 1 issued."""
    setup_directory(run, "01/11/2026 08:00")
    open_landslide(run, "13:10")
    issue(run, draft(run, "--lang", "vi"))
    return run


def command(name: str, *args: str) -> list[str]:
    return [*COMMANDS[name], *args]


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (temporaries included) and what it holds."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# -- the workspace's own files ------------------------------------------------------------------


@pytest.mark.parametrize("name", list(COMMANDS))
@pytest.mark.parametrize("own", ["spokes.db", "spokes.db-wal", "spokes.db-journal", "config.toml"])
def test_no_command_writes_over_the_workspace(
    issued: Run, workspace: Path, name: str, own: str
) -> None:
    # Compared byte for byte, every file of the folder (the refused fixture would open the
    # database, and SQLite's -wal and -shm files would appear).
    before = files_of(workspace)
    target = workspace / own
    result = issued(*command(name, "--format", TEXT_FORMAT[name], "-o", str(target)))
    assert result.exit_code == 1, result
    expected = f"'{target}' is a file of the workspace itself ({workspace})"
    assert result.stderr == f"Error: {expected}: choose another file name\n"
    assert files_of(workspace) == before  # nothing written, nothing created


def test_the_workspace_is_known_by_any_name(
    issued: Run, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "link.db").symlink_to(workspace / "spokes.db")
    os.link(workspace / "config.toml", tmp_path / "hard-link.toml")
    before = files_of(workspace)
    monkeypatch.chdir(workspace)
    for line in (
        f"report day -f md -o {tmp_path / 'link.db'}",
        f"statement export 1 -f md -o {tmp_path / 'hard-link.toml'}",
        "report day -f json -o ./spokes.db",
        "report day -f json -o ../home/spokes.db",
        "report period --from 01/11/2026 -f csv -o spokes.db-shm",
    ):
        result = issued(line)
        assert result.exit_code == 1 and "a file of the workspace" in result.stderr, line
    assert files_of(workspace) == before


def test_workspace_files_are_the_database_its_side_files_and_the_config() -> None:
    ws = Workspace.load()
    names = {path.name for path in output.workspace_files(ws)}
    assert names == {
        "spokes.db",
        "spokes.db-wal",
        "spokes.db-shm",
        "spokes.db-journal",
        "config.toml",
    }
    assert output.is_workspace_file(ws.root / "x" / ".." / "spokes.db-shm", ws)
    assert not output.is_workspace_file(ws.root / "spokes.db.bak", ws)


# -- the format ---------------------------------------------------------------------------------


def test_the_extension_chooses_the_format(issued: Run, tmp_path: Path) -> None:
    for name, checks in (
        ("r.csv", lambda text: text.startswith("id,lead_unit,title")),
        ("r.md", lambda text: text.startswith("# End-of-day status")),
        ("r.json", lambda text: text.startswith("{")),
        ("r.html", lambda text: text.startswith("<!DOCTYPE html>")),
        ("r.htm", lambda text: text.startswith("<!DOCTYPE html>")),
        ("r.txt", lambda text: text.startswith("End-of-day status") and "Timeline" in text),
        ("r", lambda text: "Timeline" in text),  # no extension: the default, the table
    ):
        assert issued(f"report day -o {tmp_path / name}").exit_code == 0
        assert checks((tmp_path / name).read_text(encoding="utf-8")), name
    period = tmp_path / "p.csv"
    assert issued(f"report period --from 01/11/2026 -o {period}").exit_code == 0
    assert period.read_text(encoding="utf-8").startswith("unit,name,incidents")
    assert issued(f"statement export 1 -o {tmp_path / 's.txt'}").exit_code == 0
    assert (tmp_path / "s.txt").read_text(encoding="utf-8").startswith("ỦY BAN NHÂN DÂN")
    assert issued(f"statement export 1 -o {tmp_path / 's'}").exit_code == 0
    assert (tmp_path / "s").read_bytes().startswith(b"PK")  # no extension: docx, the default
    assert issued(f"spokesperson list -o {tmp_path / 'd.html'}").exit_code == 0
    assert (tmp_path / "d.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_format_beats_the_extension(issued: Run, tmp_path: Path) -> None:
    assert issued(f"report day --format json -o {tmp_path / 'r.txt'}").exit_code == 0
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(
    ("name", "file", "choices"),
    [
        ("report day", "r.pdf", "table, md, csv, json, html"),
        ("report period", "r.xlsx", "table, md, csv, json, html"),
        ("statement export", "x.pdf", "docx, html, md, txt, json"),
        ("statement export", "x.doc", "docx, html, md, txt, json"),
        ("spokesperson list", "d.txt", "md, csv, html, docx"),
    ],
)
def test_an_unknown_extension_is_refused_with_the_formats(
    issued: Run, refused: Refuse, tmp_path: Path, name: str, file: str, choices: str
) -> None:
    extension = file.split(".")[-1]
    result = refused(
        *command(name, "-o", str(tmp_path / file)),
        expected=f"'.{extension}' is none of {choices}",
    )
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]


def test_a_directory_without_a_format_needs_one(issued: Run, refused: Refuse) -> None:
    refused("spokesperson list -o danh-sach", expected="give --format md, csv, html, docx")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_an_unknown_format_is_one_line_and_exit_code_1(
    issued: Run, refused: Refuse, name: str
) -> None:
    result = refused(*command(name, "--format", "pdf"), expected="Error: unknown format 'pdf': use")
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_the_messages_are_the_same_in_vietnamese(issued: Run, refused: Refuse) -> None:
    for name in COMMANDS:
        refused(
            "--lang", "vi", *command(name, "-f", "pdf"), expected="không hỗ trợ định dạng 'pdf'"
        )


# -- the file ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_missing_folder_or_a_folder_is_refused(
    issued: Run, refused: Refuse, tmp_path: Path, name: str
) -> None:
    missing = tmp_path / "missing" / f"x.{TEXT_FORMAT[name]}"
    refused(
        *command(name, "-o", str(missing)),
        expected=f"cannot write '{missing}': the folder '{missing.parent}' does not exist",
    )
    refused(*command(name, "-f", TEXT_FORMAT[name], "-o", str(tmp_path)), expected="it is a folder")
    assert not missing.parent.exists()


@pytest.mark.parametrize("name", list(COMMANDS))
def test_files_are_replaced_whole_and_readable_by_their_owner_only(
    issued: Run, tmp_path: Path, name: str
) -> None:
    target = tmp_path / f"out.{TEXT_FORMAT[name]}"
    target.write_text("the old file\n", encoding="utf-8")
    target.chmod(0o644)
    with target.open(encoding="utf-8") as reader:  # a reader that opened the old file
        written = issued(*command(name, "-o", str(target)))
        assert written.exit_code == 0, written
        assert written.stdout.startswith(f"Written: {target}\n")
        assert reader.read() == "the old file\n"  # replaced by a rename, never rewritten
    assert target.read_text(encoding="utf-8") != "the old file\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", target.name]  # no temporary


def test_a_failed_write_leaves_the_old_file(
    issued: Run, refused: Refuse, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.md"
    target.write_text("the old file\n", encoding="utf-8")

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    refused(f"report day -o {target}", expected=f"cannot write '{target}': No space left")
    assert target.read_text(encoding="utf-8") == "the old file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "r.md"]


def test_a_binary_format_is_never_sent_to_a_terminal(
    issued: Run, refused: Refuse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    for args in (("statement", "export", "1"), ("spokesperson", "list", "-f", "docx")):
        result = refused(*args, expected="a docx file cannot be shown on a terminal")
        assert result.stdout == ""


# -- statement export --all -----------------------------------------------------------------------


@pytest.fixture
def folder(issued: Run, tmp_path: Path) -> Path:
    """The folder of --all, holding the statement's file from an earlier run."""
    made = tmp_path / "ban-tin"
    made.mkdir()
    (made / "2026-0001-thong-cao-1.txt").write_text("published yesterday\n", encoding="utf-8")
    return made


def test_a_failed_run_leaves_every_file_that_was_there(
    issued: Run, refused: Refuse, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = files_of(folder)
    made = 0
    real = tempfile.mkstemp

    def second_fails(*args: Any, **kwargs: Any) -> tuple[int, str]:
        nonlocal made
        made += 1
        if made == 2:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", second_fails)
    refused(f"statement export 2026-0001 --all --to {folder} -f txt", expected="No space left")
    assert files_of(folder) == before  # the earlier file kept, no temporary left


def test_a_folder_in_the_way_of_one_target_changes_nothing(
    issued: Run, refused: Refuse, folder: Path
) -> None:
    (folder / "2026-0001-gioi-thieu-cong-an.txt").mkdir()
    before = files_of(folder)
    refused(f"statement export 2026-0001 --all --to {folder} -f txt", expected="it is a folder")
    assert files_of(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == [
        "2026-0001-gioi-thieu-cong-an.txt",
        "2026-0001-thong-cao-1.txt",
    ]


def test_all_replaces_the_files_together(issued: Run, folder: Path) -> None:
    result = issued(f"statement export 2026-0001 --all --to {folder} -f txt")
    assert result.exit_code == 0, result
    assert result.stdout.splitlines() == [
        f"Written: {folder / '2026-0001-thong-cao-1.txt'}",
        f"Written: {folder / '2026-0001-gioi-thieu-cong-an.txt'}",
    ]
    assert "THÔNG CÁO BÁO CHÍ" in (folder / "2026-0001-thong-cao-1.txt").read_text("utf-8")
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_refused_run_takes_back_the_folders_it_made(
    issued: Run, refused: Refuse, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "check_target", _refuse_second(output.check_target))
    target = tmp_path / "new" / "deeper"
    refused(f"statement export 2026-0001 --all --to {target}", expected="it is a folder")
    assert not (tmp_path / "new").exists()


def _refuse_second(check: Callable[[Path, Workspace], Path]) -> Callable[[Path, Workspace], Path]:
    calls = 0

    def refuse(path: Path, ws: Workspace) -> Path:
        nonlocal calls
        calls += 1
        if calls == 2:
            from spokes.errors import InvalidInput

            raise InvalidInput("output.is_folder", path=str(path))
        return check(path, ws)

    return refuse


def test_a_docx_written_by_all_opens(issued: Run, tmp_path: Path) -> None:
    result = issued(f"statement export 2026-0001 --all --to {tmp_path / 'out'}")
    assert result.exit_code == 0, result
    for path in (tmp_path / "out").iterdir():
        assert docx.Document(str(path)).paragraphs is not None
