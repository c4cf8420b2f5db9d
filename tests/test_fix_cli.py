"""``celint check --fix`` and ``--diff`` run as the installed command, on real files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from clirun import celint_command, run_celint
from jsonschema import Draft7Validator
from ruamel.yaml import YAML

from celint.config.options import LintOptions
from celint.errors import InputError
from celint.run.batch import fix_run

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "fix"
OLD_TIME = 1_000_000_000_000_000_000  # ns; a fix must not touch it


def copy_fixture(name: str, folder: Path) -> Path:
    path = folder / name
    shutil.copyfile(FIXTURES / name, path)
    os.utime(path, ns=(OLD_TIME, OLD_TIME))
    return path


def expected_bytes(name: str) -> bytes:
    stem, suffix = name.rsplit(".", 1)
    return (FIXTURES / f"{stem}.expected.{suffix}").read_bytes()


def test_fix_writes_expected_bytes_and_reports_the_rest(tmp_path: Path) -> None:
    paths = [copy_fixture(name, tmp_path) for name in ("ce219.json", "ce219.yaml")]
    result = run_celint("check", "--fix", *map(str, paths))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "Fixed 4 problems. All checks passed (2 files checked).\n"
    assert [p.read_bytes() for p in paths] == [expected_bytes(p.name) for p in paths]
    again = run_celint("check", "--fix", *map(str, paths))
    assert again.stdout == "All checks passed (2 files checked).\n"


def test_fix_exit_code_follows_what_is_left(tmp_path: Path) -> None:
    path = copy_fixture("ce219-crlf.yaml", tmp_path)
    path.write_bytes(path.read_bytes().replace(b"name: QuickBooks CRLF", b"name: ''"))
    result = run_celint("check", "--fix", str(path))
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == (
        "Fixed 1 problem. Found 1 problem (1 error) in 1 of 1 file."
    )


def test_diff_prints_fixes_and_writes_nothing(tmp_path: Path) -> None:
    path = copy_fixture("ce219-crlf.yaml", tmp_path)
    result = subprocess.run([*celint_command(), "check", "--diff", str(path)], capture_output=True)
    assert result.returncode == 1
    diff = (
        f"--- {path}\n+++ {path}\n@@ -8,7 +8,7 @@\n"
        "   scope: com.intuit.quickbooks.accounting\r\n"
        "   event.notification.enabled: true\r\n"
        "   # CRLF line endings and no final newline\r\n"
        "-  event.vendor.type: webhooks\r\n"
        "+  event.vendor.type: webhook\r\n"
        "   event.notification.callback.url: https://app.example.com/events\r\n"
        "   event.notification.signature.key: ${QBO_SIGNATURE}\r\n"
        " tags: [production, eu]\r\n"
    )
    assert result.stdout == diff.encode()
    assert result.stderr == b"Would fix 1 problem in 1 file.\n"
    assert path.read_bytes() == (FIXTURES / "ce219-crlf.yaml").read_bytes()
    assert path.stat().st_mtime_ns == OLD_TIME


def test_diff_of_a_clean_file_is_empty_and_exit_0(tmp_path: Path) -> None:
    path = copy_fixture("ce219.expected.json", tmp_path)
    result = run_celint("check", "--diff", "-q", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert path.stat().st_mtime_ns == OLD_TIME


def test_parse_error_file_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(
        b'{"element": {"key": "quickbooks"}, "name": "x",\n "event.vendor.type": "webhooks"\n'
    )
    os.utime(path, ns=(OLD_TIME, OLD_TIME))
    result = run_celint("check", "--fix", str(path))
    assert result.returncode == 1
    assert f"{path}:2:33: CE001 [error]" in result.stdout
    assert path.read_bytes().endswith(b'"webhooks"\n')
    assert path.stat().st_mtime_ns == OLD_TIME


def test_stdin_is_diffed_or_fixed_to_stdout() -> None:
    """``--fix -`` prints the fixed text on stdout, as ruff does, and the report on stderr."""
    body = (FIXTURES / "ce219.json").read_text(encoding="utf-8")
    diffed = run_celint("check", "--diff", "--stdin-filename", "body.json", "-", stdin=body)
    assert diffed.returncode == 1
    assert '+\t\t"event.vendor.type" :  "webhook" ,\n' in diffed.stdout
    fixed = run_celint("check", "--fix", "--stdin-filename", "body.json", "-", stdin=body)
    assert fixed.returncode == 0
    assert fixed.stdout == (FIXTURES / "ce219.expected.json").read_text(encoding="utf-8")
    assert fixed.stderr == "Fixed 1 problem. All checks passed (1 file checked).\n"


def test_failed_write_stops_the_run_and_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_fixture("ce219.json", tmp_path)

    def fail(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(InputError, match=r"ce219\.json: cannot write: Input/output error"):
        fix_run((str(path),), LintOptions(), write=True)
    assert path.read_bytes() == (FIXTURES / "ce219.json").read_bytes()


def test_pre_commit_hooks_offer_check_and_fix() -> None:
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"], h["language"], h["types_or"]) for h in hooks] == [
        ("celint", "celint check", "python", ["json", "yaml"]),
        ("celint-fix", "celint check --fix", "python", ["json", "yaml"]),
    ]


def apply_sarif_fixes(text: str, results: list[dict[str, Any]]) -> str:
    """Apply every replacement of every result's fixes, as a SARIF viewer would (1-based
    line/column regions, last first)."""
    lines = text.splitlines(keepends=True)
    starts = [sum(len(line) for line in lines[:i]) for i in range(len(lines))]
    edits = []
    for result in results:
        for fix in result.get("fixes", []):
            for change in fix["artifactChanges"]:
                for item in change["replacements"]:
                    region = item["deletedRegion"]
                    start = starts[region["startLine"] - 1] + region["startColumn"] - 1
                    end = starts[region["endLine"] - 1] + region["endColumn"] - 1
                    edits.append((start, end, item["insertedContent"]["text"]))
    for start, end, inserted in sorted(edits, reverse=True):
        text = text[:start] + inserted + text[end:]
    return text


@pytest.mark.parametrize("name", ["ce212.yaml", "ce212.json", "ce217.yaml", "ce219.yaml"])
def test_sarif_fixes_reproduce_the_fixed_file(tmp_path: Path, name: str) -> None:
    path = copy_fixture(name, tmp_path)
    result = run_celint("check", "--format", "sarif", name, cwd=tmp_path)
    log = json.loads(result.stdout)
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    assert list(Draft7Validator(schema).iter_errors(log)) == []
    results = log["runs"][0]["results"]
    uris = {
        c["artifactLocation"]["uri"]
        for r in results
        for f in r.get("fixes", [])
        for c in f["artifactChanges"]
    }
    assert uris == {name}
    text = path.read_bytes().decode("utf-8")
    assert apply_sarif_fixes(text, results).encode() == expected_bytes(name)
