"""Configuration files: discovery, every documented key, precedence, and exact errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from clirun import run_celint
from samples import WEBHOOKS_YAML

from celint.config import files

POLLING_BODY = """\
element:
  key: myapp
configuration:
  event.notification.enabled: true
  event.vendor.type: polling
  event.notification.callback.url: https://app.example.com/events
  event.notification.signature.key: ${SIG}
  event.poller.refresh_interval: 15
  event.poller.urls: orders,itemz
name: My app
"""
CE219_LINE = (
    "body.yaml:9:22: CE219 [warning] 'webhooks' is an accepted alias; "
    "the documented value is 'webhook'"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "body.yaml").write_text(WEBHOOKS_YAML, encoding="utf-8")
    return tmp_path


def lines(*args: str, cwd: Path) -> tuple[int, list[str], str]:
    result = run_celint("check", *args, cwd=cwd)
    return result.returncode, result.stdout.splitlines(), result.stderr


def test_without_configuration(project: Path) -> None:
    assert lines("body.yaml", cwd=project)[:2] == (
        1,
        [CE219_LINE, "Found 1 problem (1 warning) in 1 of 1 file; 1 fixable with --fix."],
    )


def test_pyproject_found_from_a_subfolder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.celint]\nignore = ["vendor-type-alias"]\n')
    sub = project / "deep" / "er"
    sub.mkdir(parents=True)
    assert lines("../../body.yaml", cwd=sub)[:2] == (
        0,
        ["All checks passed (1 file checked)."],
    )


def test_celint_toml_comes_before_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.celint]\nignore = ["CE219"]\n')
    (project / "celint.toml").write_text('fail-on = "error"\n')
    assert lines("body.yaml", cwd=project)[0] == 0  # the warning is shown, but does not fail
    assert lines("body.yaml", cwd=project)[1][0] == CE219_LINE


def test_pyproject_without_a_celint_table_is_passed_over(project: Path) -> None:
    (project / "celint.toml").write_text('ignore = ["CE2"]\n')
    sub = project / "package"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "other"\n')
    assert lines("../body.yaml", cwd=sub)[0] == 0


@pytest.mark.parametrize(
    "text",
    [
        '[tool.celint]\nignore = ["CE219"]\n',
        '[ tool . "celint" ]\nignore = ["CE219"]\n',
        '[tool]\ncelint = { ignore = ["CE219"] }\n',
        'tool.celint.ignore = ["CE219"]\n',
        'tool = { celint = { ignore = ["CE219"] } }\n',
        '"tool".celint.ignore = ["CE219"]\n',
    ],
)
def test_every_spelling_of_the_pyproject_table_is_read(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text)
    assert files.discover(tmp_path).ignore == ("CE219",)


def test_a_pyproject_that_only_lists_celint_is_not_parsed(tmp_path: Path) -> None:
    """It is passed over without being read as TOML: the broken line would be an error."""
    (tmp_path / "pyproject.toml").write_text(
        '[project.optional-dependencies]\nlint = ["celint>=0.2"]\nbroken = [\n'
    )
    assert files.discover(tmp_path) == files.Config()


def test_explicit_config_and_no_config(project: Path, tmp_path: Path) -> None:
    (project / "celint.toml").write_text('ignore = ["CE219"]\n')
    elsewhere = tmp_path / "ci.toml"
    elsewhere.write_text('select = ["CE4"]\n')
    assert lines("body.yaml", cwd=project)[0] == 0
    assert lines("--no-config", "body.yaml", cwd=project)[0] == 1
    assert lines("--config", str(elsewhere), "body.yaml", cwd=project)[0] == 0
    assert lines("--config", "ci.toml", "--no-config", "body.yaml", cwd=project) == (
        2,
        [],
        "celint: error: --config and --no-config cannot be used together\n",
    )


def test_command_line_wins_over_the_file(project: Path) -> None:
    (project / "celint.toml").write_text('select = ["CE4"]\nfail-on = "error"\n')
    assert lines("body.yaml", cwd=project)[0] == 0
    code, out, _ = lines("--select", "CE219", "body.yaml", cwd=project)
    assert (code, out[0]) == (0, CE219_LINE)  # selected by the command line, fail-on from file
    assert lines("--select", "CE2", "--fail-on", "warning", "body.yaml", cwd=project)[0] == 1


def test_misspelt_key_names_file_key_and_intended_key(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.celint]\nselct = ["CE2"]\n')
    assert lines("body.yaml", cwd=project) == (
        2,
        [],
        "celint: error: pyproject.toml: tool.celint.selct: unknown key; did you mean 'select'?\n",
    )


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('fail-on = "warnings"', "fail-on: unknown severity 'warnings'; use error, warning or "
         "info; did you mean 'warning'?"),
        ("fail-on = 2", "fail-on: expected a string, found an integer"),
        ('select = "CE2"', "select: expected an array of non-empty strings, found a string"),
        ('ignore = ["vendor-type-alais"]', "ignore: unknown rule 'vendor-type-alais'; did you "
         "mean 'vendor-type-alias'?"),
        ('per-file-ignores = {"legacy/*" = ["CE99"]}', "per-file-ignores.'legacy/*': unknown "
         "rule 'CE99'; see `celint rules`"),
        ('per-file-ignores = ["CE2"]', "per-file-ignores: expected a table, found an array"),
        ("include = [1]", "include: expected an array of non-empty strings, found an array"),
        ("polling-interval = {min = 30, max = 10}", "polling-interval: min (30) is greater "
         "than max (10)"),
        ("polling-interval = {min = true}", "polling-interval.min: expected a whole number of "
         "minutes (1 or more), found True"),
        ("polling-interval = {mni = 3}", "polling-interval.mni: unknown key; did you mean "
         "'min'?"),
        ("[elements.myapp]\nseperator = ','", "elements.myapp.seperator: unknown key; did you "
         "mean 'separator'?"),
        ("[elements.myapp]\nseparator = ''", "elements.myapp.separator: expected a non-empty "
         "string, found ''"),
        ("[elements]\nmyapp = 3", "elements.myapp: expected a table, found an integer"),
        ("colour = true", "colour: unknown key; expected select, extend-select, ignore, "
         "extend-ignore, fail-on, per-file-ignores, include, exclude, polling-interval, "
         "elements, limits, cache-dir"),
        ("limits = {max-dept = 8}", "limits.max-dept: unknown key; did you mean 'max-depth'?"),
        ("limits = {max-file-size = 0}", "limits.max-file-size: expected a whole number "
         "(1 or more), found 0"),
    ],
)  # fmt: skip
def test_bad_values_are_exit_2_with_the_key(project: Path, toml: str, message: str) -> None:
    (project / "celint.toml").write_text(toml + "\n")
    assert lines("body.yaml", cwd=project) == (2, [], f"celint: error: celint.toml: {message}\n")


def test_invalid_toml_and_missing_files(project: Path) -> None:
    (project / "celint.toml").write_text("select = [\n")
    code, _, err = lines("body.yaml", cwd=project)
    assert code == 2 and err.startswith("celint: error: celint.toml: invalid TOML: ")
    assert lines("--config", "nope.toml", "body.yaml", cwd=project)[2] == (
        "celint: error: nope.toml: no such configuration file\n"
    )
    (project / "pyproject.toml").write_text('[project]\nname = "celint-user"\n')
    assert lines("--config", "pyproject.toml", "body.yaml", cwd=project)[2] == (
        "celint: error: pyproject.toml: no [tool.celint] table\n"
    )


def test_polling_interval_and_element_profiles(tmp_path: Path) -> None:
    (tmp_path / "poll.yaml").write_text(POLLING_BODY)
    assert lines("poll.yaml", cwd=tmp_path)[1][0].startswith("poll.yaml:2:8: CE301 [info]")
    (tmp_path / "celint.toml").write_text(
        "polling-interval = {min = 30}\n"
        '[elements.myapp]\nresources = ["orders", "items"]\nseparator = ","\n'
    )
    code, out, _ = lines("poll.yaml", cwd=tmp_path)
    assert (code, out) == (
        1,
        [
            "poll.yaml:8:34: CE205 [warning] refresh interval of 15 minutes is outside the "
            "expected range; use 30 to 1440 minutes",
            "poll.yaml:9:22: CE207 [error] 'myapp' has no resource 'itemz'; did you mean 'items'?",
            "Found 2 problems (1 error, 1 warning) in 1 of 1 file; 1 fixable with --fix.",
        ],
    )


def test_validate_reads_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "poll.yaml").write_text(POLLING_BODY)
    assert run_celint("validate", "poll.yaml", cwd=tmp_path).returncode == 0
    (tmp_path / "celint.toml").write_text('[elements.myapp]\nresources = ["orders", "items"]\n')
    assert run_celint("validate", "poll.yaml", cwd=tmp_path).returncode == 1


def test_discovery_reads_no_toml_it_does_not_need(tmp_path: Path) -> None:
    """Configuration loading stays cheap: no tomllib without a file that mentions celint."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "other"\n')
    script = (
        "import sys; from pathlib import Path; from celint.config.files import discover; "
        f"config = discover(Path({str(tmp_path)!r})); "
        "print(config.path, 'tomllib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout == "None False\n"


def test_limits_from_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "deep.yaml").write_text(WEBHOOKS_YAML + "tags: [[[[x]]]]\n")
    assert lines("deep.yaml", cwd=tmp_path)[0] == 1  # CE219 only: depth 5 is within 64
    (tmp_path / "celint.toml").write_text("[limits]\nmax-depth = 4\n")
    code, out, _ = lines("deep.yaml", cwd=tmp_path)
    assert code == 1 and out[0].startswith("deep.yaml:17:10: CE004 [error]")
    (tmp_path / "celint.toml").write_text("[limits]\nmax-file-size = 64\n")
    code, out, _ = lines("deep.yaml", cwd=tmp_path)
    assert code == 1 and out[0].startswith("deep.yaml:1:1: CE004 [error]")
