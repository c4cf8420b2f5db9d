"""The command line, run as a subprocess of the installed ``celint``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bodies import DROP, make_body
from clirun import run_celint
from samples import clean_examples

import celint
from celint.report.rule_docs import rules_markdown
from celint.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

ALIAS_BODY = make_body(
    {
        "event.vendor.type": "webhooks",
        "event.poller.refresh_interval": DROP,
        "event.poller.urls": DROP,
    }
)

TSCONFIG = """\
{
  // comments are fine in a tsconfig
  "compilerOptions": {"strict": true,},
}
"""

KUBERNETES = """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  name: value
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
"""


@pytest.fixture
def alias_file(tmp_path: Path) -> Path:
    path = tmp_path / "qbo.json"
    path.write_text(ALIAS_BODY, encoding="utf-8")
    return path


def test_examples_are_clean() -> None:
    result = run_celint("check", *map(str, clean_examples()))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "All checks passed (2 files checked).\n"


def test_text_line_and_summary(alias_file: Path) -> None:
    result = run_celint("check", str(alias_file))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{alias_file}:16:26: CE219 [warning] 'webhooks' is an accepted alias; "
        "the documented value is 'webhook'",
        "Found 1 problem (1 warning) in 1 of 1 file; 1 fixable with --fix.",
    ]
    assert result.stderr == ""


def test_json_format_shape(alias_file: Path) -> None:
    result = run_celint("check", "--format", "json", str(alias_file))
    document = json.loads(result.stdout)
    assert document == {
        "version": 1,
        "files_checked": 1,
        "diagnostics": [
            {
                "path": str(alias_file),
                "line": 16,
                "column": 26,
                "end_line": 16,
                "end_column": 36,
                "code": "CE219",
                "rule": "vendor-type-alias",
                "severity": "warning",
                "message": "'webhooks' is an accepted alias; the documented value is 'webhook'",
                "pointer": "/configuration/event.vendor.type",
                "suggestion": "webhook",
                "fixable": True,
            }
        ],
        "summary": {"errors": 0, "warnings": 1, "infos": 0, "fixable": 1},
    }


def test_full_format_shows_source_and_caret(alias_file: Path) -> None:
    result = run_celint("check", "--format", "full", "--no-color", str(alias_file))
    lines = result.stdout.splitlines()
    assert lines[1] == '   16 |     "event.vendor.type": "webhooks",'
    assert lines[2] == "      |                          ^^^^^^^^^^"
    assert lines[3] == "      = help: fix: webhook"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--fail-on", "error"], 0),
        (["--fail-on", "warning"], 1),
        (["--fail-on", "info"], 1),
        (["--exit-zero"], 0),
        (["--ignore", "CE219"], 0),
        (["--ignore", "vendor-type-alias"], 0),
        (["--ignore", "CE2"], 0),
        (["--select", "CE4"], 0),
        (["--select", "CE219"], 1),
    ],
)
def test_exit_codes_and_selection(alias_file: Path, args: list[str], code: int) -> None:
    assert run_celint("check", *args, str(alias_file)).returncode == code


def test_unknown_selector_is_a_usage_error(alias_file: Path) -> None:
    result = run_celint("check", "--select", "vendor-type-alais", str(alias_file))
    assert result.returncode == 2
    assert result.stderr == (
        "celint: error: unknown rule 'vendor-type-alais'; did you mean 'vendor-type-alias'?\n"
    )


def test_missing_path_is_exit_2(tmp_path: Path) -> None:
    result = run_celint("check", str(tmp_path / "nope.json"))
    assert result.returncode == 2
    assert result.stderr == f"celint: error: {tmp_path / 'nope.json'}: no such file or directory\n"
    assert "Traceback" not in result.stderr


def test_unrelated_json_and_yaml_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "tsconfig.json").write_text(TSCONFIG)
    (tmp_path / "k8s.yaml").write_text(KUBERNETES)
    result = run_celint("check", "-v", str(tmp_path / "tsconfig.json"), str(tmp_path / "k8s.yaml"))
    assert result.returncode == 0
    assert result.stdout == "No instance bodies found among 2 files.\n"
    assert "skipped" in result.stderr and "tsconfig.json" in result.stderr


def test_broken_instance_body_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"element": {"key": "quickbooks"},\n "name": "x"\n "configuration": {}}\n')
    result = run_celint("check", str(path))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(f"{path}:2:13: CE001 [error] invalid JSON")


def test_stdin_with_filename() -> None:
    result = run_celint("check", "--stdin-filename", "body.json", "-", stdin=ALIAS_BODY)
    assert result.returncode == 1
    assert result.stdout.startswith("body.json:16:26: CE219 ")


def test_color_and_no_color(alias_file: Path) -> None:
    colored = run_celint("check", "--color", str(alias_file))
    assert "\x1b[" in colored.stdout
    honoured = run_celint("check", "--color", str(alias_file), env={"NO_COLOR": "1"})
    assert "\x1b[" in honoured.stdout  # an explicit --color wins over NO_COLOR
    plain = run_celint("check", str(alias_file), env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain.stdout


def test_quiet_prints_findings_only(alias_file: Path) -> None:
    result = run_celint("check", "-q", str(alias_file))
    assert len(result.stdout.splitlines()) == 1


def test_validate_prints_errors_only(alias_file: Path, tmp_path: Path) -> None:
    assert run_celint("validate", str(alias_file)).stdout == ""
    assert run_celint("validate", str(alias_file)).returncode == 0
    broken = tmp_path / "b.json"
    broken.write_text('{"element": {"key": "quickbooks"}, "name": ""}')
    result = run_celint("validate", str(broken))
    assert result.returncode == 1
    assert "CE103 [error]" in result.stdout


def test_rules_json_lists_every_rule() -> None:
    result = run_celint("rules", "--format", "json")
    listed = json.loads(result.stdout)
    assert [r["code"] for r in listed] == [r.code for r in celint.all_rules()]


def test_explain_by_code_and_name() -> None:
    by_code = run_celint("explain", "CE219").stdout
    by_name = run_celint("explain", "vendor-type-alias").stdout
    assert by_code == by_name
    assert by_code.startswith("CE219 vendor-type-alias (warning by default; fixable with --fix)")
    docs = "https://github.com/celint/celint/blob/main/docs/rules/CE219.md"
    assert by_code.endswith(f"(applied by `--fix`).\n\nDocs: {docs}\n")
    unknown = run_celint("explain", "CE999")
    assert unknown.returncode == 2 and unknown.stderr.startswith("celint: error: unknown rule")


def test_schema_is_self_contained_and_validates_examples() -> None:
    from jsonschema import Draft202012Validator
    from ruamel.yaml import YAML

    result = run_celint("schema", "--element", "quickbooks")
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)  # no registry: every $ref must resolve inside
    body = YAML(typ="safe").load((EXAMPLES / "quickbooks-polling.yaml").read_text())
    assert list(validator.iter_errors(body)) == []
    bad = dict(body, tags="production")
    assert [e.validator for e in validator.iter_errors(bad)] == ["type"]
    assert run_celint("schema", "--element", "quickbook").stderr == (
        "celint: error: no schema for element 'quickbook'; did you mean 'quickbooks'?\n"
    )


def test_version_and_module_entry_point() -> None:
    assert run_celint("--version").stdout == f"celint, version {celint.__version__}\n"
    module = subprocess.run(
        [sys.executable, "-m", "celint", "--version"], capture_output=True, text=True, check=True
    )
    assert module.stdout == f"celint, version {celint.__version__}\n"


@pytest.mark.parametrize("command", ["check", "validate", "rules", "explain", "schema"])
def test_every_help_has_an_example(command: str) -> None:
    result = run_celint(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout


def test_readme_rule_table_matches_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rules_markdown(all_rules()) in readme, (
        "README rule table is stale: run `python scripts/sync_readme.py`"
    )


def test_full_format_windows_long_lines_and_masks_secrets(tmp_path: Path) -> None:
    secret = "s3cr3t-value-for-the-test"
    body = json.loads(ALIAS_BODY)
    body["configuration"]["oauth.api.secret"] = secret
    path = tmp_path / "minified.json"
    path.write_text(json.dumps(body, separators=(",", ":")))
    result = run_celint("check", "--format", "full", "--no-color", str(path))
    assert secret not in result.stdout + result.stderr
    source_rows = [row for row in result.stdout.splitlines() if row.startswith("    1 | ")]
    assert source_rows and all(len(row) <= len("    1 | ") + 102 for row in source_rows)
    secret_row = next(row for row in source_rows if '"oauth.api.secret":' in row)
    # One fixed mask for every secret: the output does not tell the secret's length.
    assert '"oauth.api.secret":********,"oauth.callback.url"' in secret_row


def test_validate_missing_path_is_the_same_one_line(tmp_path: Path) -> None:
    result = run_celint("validate", str(tmp_path / "nope.json"))
    assert result.returncode == 2
    assert result.stderr == f"celint: error: {tmp_path / 'nope.json'}: no such file or directory\n"
