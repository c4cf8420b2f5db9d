"""``celint check`` read without click: whatever :func:`celint.cli.options.read` accepts, click
reads the same way, and a plain command line never imports click."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from clirun import run_celint
from hypothesis import given
from hypothesis import strategies as st

import celint
from celint.cli import check as commands
from celint.cli import options
from celint.cli.app import CheckRequest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CLEAN = [EXAMPLES / "quickbooks-webhook.json", EXAMPLES / "quickbooks-polling.yaml"]


def click_reads(args: list[str]) -> dict[str, Any] | None:
    """The parameters click gives ``check`` for ``args``, or None when it refuses them."""
    try:
        return dict(commands.check.make_context("check", list(args)).params)
    except (click.exceptions.Exit, click.ClickException):
        return None


VALUES = ["text", "json", "sarif", "TEXT", "error", "warning", "Info", "0", "4", "12", "-1"]
VALUES += ["x", "", "-", "-x", "CE2", "CE2,CE401", "ç.json", "1.5", "٣", " 4"]


def _spelling(option: options.Option) -> st.SearchStrategy[list[str]]:
    flags = st.sampled_from(option.flags)
    if option.kind in (options.FLAG, options.SWITCH):
        return st.one_of(flags.map(lambda f: [f]), flags.map(lambda f: [f + "=1"]))
    value = st.sampled_from(VALUES)
    return st.one_of(
        st.tuples(flags, value).map(list),
        st.tuples(flags, value).map(lambda pair: [f"{pair[0]}={pair[1]}"]),
        flags.map(lambda f: [f]),  # the value missing at the end of the line
    )


OTHER = ["a.json", "dir/b.yaml", "-", "--", "", "-weird", "--help", "-h", "-qv", "-j4", "--fo"]
OTHER += ["--unknown", "--color", "--no-color", "--select=", "x y.json"]
TOKENS = st.one_of(
    st.sampled_from(OTHER).map(lambda token: [token]),
    *(_spelling(option) for option in options.CHECK),
)


@given(groups=st.lists(TOKENS, max_size=8))
def test_what_the_plain_reader_accepts_click_reads_the_same_way(groups: list[list[str]]) -> None:
    args = [token for group in groups for token in group]
    found = options.read(args)
    if found is not None:
        assert click_reads(args) == found, args


@pytest.mark.parametrize(
    ("args", "changed"),
    [
        ([], {}),
        (["a.json", "b.yaml"], {"paths": ("a.json", "b.yaml")}),
        (["--fix", "a.json"], {"fix": True, "paths": ("a.json",)}),  # the celint-fix hook
        (
            ["--format", "json", "--select", "CE2", "--select=CE401", "-j", "2", "-q", "."],
            {"output_format": "json", "select": ("CE2", "CE401"), "jobs": 2, "quiet": True},
        ),
        (["--no-color", "--color", "--", "-x.json"], {"color": True, "paths": ("-x.json",)}),
        (["--stdin-filename", "b.yaml", "-"], {"stdin_filename": "b.yaml", "paths": ("-",)}),
    ],
)
def test_the_plain_reader_reads_the_usual_command_lines(
    args: list[str], changed: dict[str, Any]
) -> None:
    found = options.read(args)
    assert found is not None
    paths = {"paths": (".",) if "." in args else ()}
    assert CheckRequest(**found) == CheckRequest(**paths | changed)
    assert click_reads(args) == found


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-qv", "a.json"],
        ["-j4", "a.json"],
        ["--format", "TEXT"],
        ["--jobs", "-1"],
        ["--fix=1"],
        ["--select"],
        ["--unknown"],
        ["--selec", "CE2"],
        [""],
        ["-x"],
    ],
)
def test_anything_else_is_left_to_click(args: list[str]) -> None:
    assert options.read(args) is None


def test_a_plain_check_never_imports_click() -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('click' in sys.modules))\n"
        "from celint.cli import main\n"
        f"main(['check', '--format', 'json', *{[str(path) for path in CLEAN]!r}])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("}\nFalse\n")


@pytest.mark.parametrize("extra", [[], ["--format", "full"], ["--select", "CE3", "--format=json"]])
def test_a_command_line_read_by_click_runs_the_same(extra: list[str], tmp_path: Path) -> None:
    """``-j0`` is the same as ``--jobs 0``, but only click reads that spelling."""
    body = tmp_path / "qbo.yaml"
    body.write_text("element: {key: quickbooks}\nname: x\nconfiguration: {scope: x}\n")
    plain = run_celint("check", *extra, str(body), cwd=tmp_path)
    clicked = run_celint("check", "-j0", *extra, str(body), cwd=tmp_path)
    assert options.read(["-j0"]) is None
    assert plain.returncode == 1
    assert (plain.returncode, plain.stdout, plain.stderr) == (
        clicked.returncode,
        clicked.stdout,
        clicked.stderr,
    )


def test_help_version_and_the_other_commands_still_go_through_click() -> None:
    assert run_celint("check", "--help").stdout.startswith("Usage: celint check [OPTIONS]")
    assert run_celint("--version").stdout == f"celint, version {celint.__version__}\n"
    assert run_celint("rules").stdout.startswith("CE001")
    wrong = run_celint("check", "--format", "TEXT", str(EXAMPLES))
    assert wrong.returncode == 2 and "Invalid value for '--format'" in wrong.stderr


def test_validate_reads_its_paths_without_click() -> None:
    assert options.read(["a.json", "-"], ()) == {"paths": ("a.json", "-")}
    assert options.read(["--help"], ()) is None
    assert run_celint("validate", *map(str, CLEAN)).returncode == 0
