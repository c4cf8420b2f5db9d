"""Walking: which files a run takes, in which order, and ``--statistics``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from clirun import run_celint
from samples import PLACEHOLDER_JSON, WEBHOOKS_YAML


def paths_linted(folder: Path, *args: str) -> list[str]:
    """The files a run reports on, in report order (``--all`` so every file gives a finding)."""
    result = run_celint("check", "-q", "--all", "--select", "CE219", *args, cwd=folder)
    assert result.stderr == ""
    return [line.split(":", 1)[0] for line in result.stdout.splitlines()]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in [
        "b.yaml",
        "a/z.yml",
        "a/fixtures/f.yaml",
        "a.yaml",
        ".git/config.yaml",
        "node_modules/pkg/x.yaml",
        "env/x.yaml",
        "notes.txt",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(WEBHOOKS_YAML)
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    return tmp_path


def test_folders_skip_tool_folders_and_venvs_in_sorted_order(tree: Path) -> None:
    assert paths_linted(tree, ".") == ["a.yaml", "a/fixtures/f.yaml", "a/z.yml", "b.yaml"]


def test_named_files_are_sorted_and_taken_once(tree: Path) -> None:
    assert paths_linted(tree, "notes.txt", "b.yaml", "a.yaml", "./b.yaml") == [
        "a.yaml",
        "b.yaml",
        "notes.txt",
    ]


def test_include_and_exclude(tree: Path) -> None:
    (tree / "celint.toml").write_text('exclude = ["fixtures", "b.yaml"]\n')
    assert paths_linted(tree, ".") == ["a.yaml", "a/z.yml"]
    assert paths_linted(tree, "b.yaml", "a/fixtures/f.yaml", "a.yaml") == ["a.yaml"]
    (tree / "celint.toml").write_text('include = ["*.yml", "a/fixtures/*"]\n')
    assert paths_linted(tree, ".") == ["a/fixtures/f.yaml", "a/z.yml"]
    assert paths_linted(tree / "a", ".") == ["fixtures/f.yaml", "z.yml"]  # anchored at the file


def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    (tmp_path / "body.yaml").write_text(WEBHOOKS_YAML)
    os.symlink(".", tmp_path / "loop")
    os.symlink("self.json", tmp_path / "self.json")
    os.symlink("missing.yaml", tmp_path / "dangling.yaml")
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")
    assert paths_linted(tmp_path, ".") == ["body.yaml"]


def test_stdin_filename_names_the_input_and_matches_per_file_ignores(tmp_path: Path) -> None:
    args = ("check", "-q", "--stdin-filename", "legacy/body.yaml", "-")
    result = run_celint(*args, cwd=tmp_path, stdin=WEBHOOKS_YAML)
    assert result.stdout.startswith("legacy/body.yaml:9:22: CE219 ")
    (tmp_path / "celint.toml").write_text('per-file-ignores = {"legacy/*" = ["CE219"]}\n')
    assert run_celint(*args, cwd=tmp_path, stdin=WEBHOOKS_YAML).stdout == ""


def test_statistics(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(WEBHOOKS_YAML)
    (tmp_path / "c.json").write_text(PLACEHOLDER_JSON)
    result = run_celint("check", "--statistics", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "2  CE219  [*] vendor-type-alias",
        "1  CE101  [ ] required-missing",
        "1  CE217  [*] boolean-as-string",
        "1  CE304  [ ] scope-missing-accounting",
        "1  CE402  [ ] placeholder-unreplaced",
        "Found 6 problems (1 error, 4 warnings, 1 info) in 3 of 3 files; 3 fixable with --fix.",
    ]
    as_json = run_celint("check", "--statistics", "--format", "json", "a.yaml", cwd=tmp_path)
    assert json.loads(as_json.stdout) == {
        "version": 1,
        "files_checked": 1,
        "statistics": [{"code": "CE219", "rule": "vendor-type-alias", "count": 1, "fixable": True}],
        "summary": {"errors": 0, "warnings": 1, "infos": 0, "fixable": 1},
    }
