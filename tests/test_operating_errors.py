"""Paths that cannot be read: one line on stderr, exit 2, no traceback unless --debug.

The tests run as root in CI, where permissions do not stop a read, so "permission denied" is
simulated by making the reading function (or the directory listing) raise what the kernel would.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from clirun import run_celint

from celint import cli
from celint.lint import engine as linter
from celint.run import files as runner

BODY = '{"element": {"key": "quickbooks"}, "name": "x"}\n'


def test_a_missing_path_is_exit_2(tmp_path: Path) -> None:
    result = run_celint("check", "nowhere.json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "celint: error: nowhere.json: no such file or directory\n"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    result = run_celint("check", "pipe.json", cwd=tmp_path, timeout=20)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "celint: error: pipe.json: cannot read: is a FIFO (named pipe), not a regular file\n"
    )


def test_a_broken_symlink_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "link.json").symlink_to(tmp_path / "gone.json")
    result = run_celint("check", "link.json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "celint: error: link.json: cannot read: broken symbolic link (its target does not exist)\n"
    )


def test_a_folder_walk_passes_over_fifos_and_broken_links(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "link.json").symlink_to(tmp_path / "gone.json")
    (tmp_path / "body.json").write_text(BODY)
    result = run_celint("check", "--select", "CE0", ".", cwd=tmp_path, timeout=20)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "All checks passed (1 file checked).\n"


def _exit_code(args: list[str]) -> int:
    """Run the command line in-process (so monkeypatches apply) and return its exit code."""
    with pytest.raises(SystemExit) as exited:
        cli.main(args)
    return int(exited.value.code or 0)


def _permission_denied(path: str, limit: int) -> bytes:
    raise PermissionError(13, "Permission denied", path)


def test_an_unreadable_file_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "secret.json").write_text(BODY)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner, "read_limited", _permission_denied)
    assert _exit_code(["check", "secret.json"]) == 2
    assert capsys.readouterr().err == (
        "celint: error: secret.json: cannot read: permission denied\n"
    )


def test_an_unreadable_folder_is_exit_2_not_silently_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "scandir", scandir)
    assert _exit_code(["check", "."]) == 2
    assert capsys.readouterr().err == (
        "celint: error: ./locked: cannot read directory: permission denied\n"
    )


def _crash(*args: object, **kwargs: object) -> object:
    raise RuntimeError("boom with a value that must not be shown")


def test_an_internal_error_is_one_line_and_a_traceback_only_with_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "body.json").write_text(BODY)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(linter, "check_bytes", _crash)
    assert _exit_code(["check", "body.json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("celint: internal error: RuntimeError in ")
    assert err.endswith(" (run with --debug for a traceback)\n")
    assert "boom" not in err and err.count("\n") == 1
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["--debug", "check", "body.json"])


def test_lint_path_refuses_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    with pytest.raises(OSError, match="is a FIFO"):
        linter.lint_path(tmp_path / "pipe.json")
