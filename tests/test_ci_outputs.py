"""Outputs that CI can trust (issue 16): --statistics in the chosen format or refused, JUnit
failures that agree with the exit code, report files (-o, --output-format), one quiet batch of
pre-commit, and the SARIF run's identity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from clirun import run_celint
from junitparser import JUnitXml
from samples import PLACEHOLDER_JSON, WEBHOOKS_YAML, workspace

from celint import __version__
from celint.report import FORMATS

# Only an info: an element celint has no profile for (CE301), with the documented vendor type.
UNKNOWN_ELEMENT_YAML = WEBHOOKS_YAML.replace("key: quickbooks", "key: nosuchthing").replace(
    "webhooks", "webhook"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared workspace, plus a body whose only finding is an info (CE301)."""
    base = workspace(tmp_path_factory.mktemp("ci-outputs"))
    (base / "broken" / "unknown-element.yaml").write_text(UNKNOWN_ELEMENT_YAML, encoding="utf-8")
    return base


def json_findings(folder: Path, *args: str) -> list[dict[str, Any]]:
    result = run_celint("check", "--format", "json", *args, ".", cwd=folder)
    found: list[dict[str, Any]] = json.loads(result.stdout)["diagnostics"]
    return found


# --- 1. --statistics and --format ----------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["full", "sarif", "github", "junit", "gitlab"])
def test_statistics_without_a_place_in_the_format_is_a_usage_error(
    folder: Path, output_format: str
) -> None:
    result = run_celint("check", "--statistics", "--format", output_format, ".", cwd=folder)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"celint: error: --statistics has no place in --format {output_format}; use --format "
        "text or json (or write the findings with --output-format FORMAT:FILE)\n"
    )


def test_statistics_in_json_is_the_versioned_document(folder: Path) -> None:
    result = run_celint("check", "--statistics", "--format", "json", ".", cwd=folder)
    document = json.loads(result.stdout)
    assert result.returncode == 1
    assert list(document) == ["version", "files_checked", "statistics", "summary"]
    found = json_findings(folder)
    counts: dict[str, int] = {}
    for d in found:
        counts[d["code"]] = counts.get(d["code"], 0) + 1
    assert {row["code"]: row["count"] for row in document["statistics"]} == counts
    assert document["summary"] == json.loads(run_celint("check", "--format", "json", ".",
                                                        cwd=folder).stdout)["summary"]  # fmt: skip


def test_statistics_with_a_sarif_file_beside_the_table(folder: Path, tmp_path: Path) -> None:
    """The table on the terminal, every finding in the SARIF file: the combination CI wants."""
    sarif = tmp_path / "report.sarif"
    result = run_celint("check", "--statistics", f"--output-format=sarif:{sarif}", ".",
                        cwd=folder)  # fmt: skip
    assert result.stdout.splitlines()[-1].startswith("Found ")
    results = json.loads(sarif.read_text())["runs"][0]["results"]
    assert len(results) == len(json_findings(folder))


# --- 2. JUnit fails what --fail-on fails ---------------------------------------------------------


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_junit_fails_exactly_the_files_fail_on_would_fail(folder: Path, fail_on: str) -> None:
    order = ["info", "warning", "error"]
    failing = {
        d["path"]
        for d in json_findings(folder)
        if order.index(d["severity"]) >= order.index(fail_on)
    }
    result = run_celint("check", "--format", "junit", "--fail-on", fail_on, ".", cwd=folder)
    xml = JUnitXml.fromstring(result.stdout)
    suites = list(xml)
    assert len(suites) == 1
    cases = list(suites[0])
    failed = {case.name for case in cases if not case.is_passed}
    assert failed == failing
    assert result.returncode == (1 if failing else 0)
    assert (suites[0].tests, suites[0].failures, suites[0].errors) == (
        len(cases),
        len(failing),
        0,
    )
    assert (xml.tests, xml.failures) == (len(cases), len(failing))


def test_junit_info_finding_passes_and_is_shown(folder: Path) -> None:
    """The issue's case: an info (CE301) exits 0, and junitparser reads a passing testcase
    whose system-out holds the finding."""
    name = "broken/unknown-element.yaml"
    result = run_celint("check", "--format", "junit", name, cwd=folder)
    assert result.returncode == 0
    (case,) = list(next(iter(JUnitXml.fromstring(result.stdout))))
    assert case.is_passed and case.result == []
    assert case.system_out.startswith(f"{name}:2:8: CE301 [info] element 'nosuchthing' ")
    loud = run_celint("check", "--format", "junit", "--fail-on", "info", name, cwd=folder)
    (failed,) = list(next(iter(JUnitXml.fromstring(loud.stdout))))
    assert loud.returncode == 1 and not failed.is_passed
    assert [(r.type, r.message.split(":")[0]) for r in failed.result] == [
        ("CE301", "CE301 element-unknown")
    ]


# --- 3. report files -----------------------------------------------------------------------------


def test_output_file_holds_the_report_and_the_terminal_nothing(
    folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "celint.json"
    result = run_celint("check", "--format", "json", "-o", str(target), ".", cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")
    direct = run_celint("check", "--format", "json", ".", cwd=folder)
    assert target.read_text() == direct.stdout


def test_several_formats_in_one_run(folder: Path, tmp_path: Path) -> None:
    """Text on the terminal, and each file byte for byte what its format prints alone."""
    files = {name: tmp_path / f"report.{name}" for name in ("sarif", "junit", "gitlab", "full")}
    args = [f"--output-format={name}:{path}" for name, path in files.items()]
    result = run_celint("check", "--color", *args, ".", cwd=folder)
    alone = run_celint("check", "--color", ".", cwd=folder)
    assert (result.returncode, result.stdout) == (1, alone.stdout)
    assert "\x1b[" in result.stdout  # the terminal's colour does not reach the files
    for name, path in files.items():
        expected = run_celint("check", "--format", name, ".", cwd=folder).stdout
        assert path.read_text() == expected, name


def test_report_file_is_replaced_whole_and_keeps_its_mode(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old report\n")
    target.chmod(0o640)
    run_celint("check", f"--output-format=sarif:{target}", ".", cwd=folder)
    assert json.loads(target.read_text())["version"] == "2.1.0"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.sarif"]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output-format", "sarif"], "--output-format 'sarif': expected FORMAT:FILE, such as "
         "sarif:x.sarif"),
        (["--output-format", "sarf:x"], "--output-format 'sarf:x': unknown format 'sarf'; did "
         "you mean 'sarif'?"),
        (["-o", "x", "--output-format", "junit:./x"], "./x is named by two outputs; give each "
         "its own file"),
        (["--diff", "-o", "x"], "--diff prints a diff, not a report; drop -o/--output-format"),
    ],
)  # fmt: skip
def test_bad_outputs_are_usage_errors(folder: Path, args: list[str], message: str) -> None:
    result = run_celint("check", *args, ".", cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"celint: error: {message}\n",
    )
    assert not (folder / "x").exists()


def test_unwritable_report_file_is_exit_2(folder: Path, tmp_path: Path) -> None:
    result = run_celint("check", f"--output-format=sarif:{tmp_path}", ".", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == f"celint: error: {tmp_path}: cannot write: is a folder\n"


def test_every_format_can_be_a_report_file(folder: Path, tmp_path: Path) -> None:
    args = [f"--output-format={name}:{tmp_path / name}" for name in FORMATS]
    run_celint("check", *args, ".", cwd=folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FORMATS)


# --- 8. one pre-commit batch with nothing to report ----------------------------------------------


def test_batch_without_instance_bodies_prints_nothing(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "web", "private": true}\n')
    (tmp_path / "values.yaml").write_text("replicas: 2\n")
    quiet = run_celint("check", "package.json", "values.yaml", cwd=tmp_path)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    verbose = run_celint("check", "-v", "package.json", "values.yaml", cwd=tmp_path)
    assert verbose.stdout == "No instance bodies found among 2 files.\n"
    assert verbose.stderr.count("celint: skipped") == 2


def test_batches_of_a_commit_print_one_summary(tmp_path: Path) -> None:
    """pre-commit's two batches of the issue: the unrelated files say nothing, the body says
    what is wrong, so the log has one summary line."""
    for name in ("a.json", "b.yaml", "c.yml", "d.json"):
        (tmp_path / name).write_text('{"name": "not a body"}\n')
    (tmp_path / "qbo.yaml").write_text(WEBHOOKS_YAML)
    first = run_celint("check", "a.json", "b.yaml", "c.yml", "d.json", cwd=tmp_path)
    second = run_celint("check", "qbo.yaml", cwd=tmp_path)
    assert first.stdout == ""
    assert (
        second.stdout.splitlines()[-1]
        == "Found 1 problem (1 warning) in 1 of 1 file; 1 fixable with --fix."
    )


def test_a_clean_batch_still_says_it_passed(tmp_path: Path) -> None:
    (tmp_path / "ok.json").write_text(PLACEHOLDER_JSON)
    result = run_celint("check", "--select", "CE219", "ok.json", cwd=tmp_path)
    assert result.stdout == "All checks passed (1 file checked).\n"


# --- 7. SARIF names its run, FORCE_COLOR ---------------------------------------------------------


def test_sarif_run_has_automation_details_and_full_name(folder: Path) -> None:
    run = json.loads(run_celint("check", "--format", "sarif", ".", cwd=folder).stdout)["runs"][0]
    assert run["automationDetails"] == {"id": "celint/"}
    assert run["tool"]["driver"]["fullName"] == f"celint {__version__}"


def test_force_color_colours_a_pipe_and_no_color_wins(folder: Path) -> None:
    def colored(*args: str, force: str = "", no: str = "") -> bool:
        env = {"FORCE_COLOR": force, "NO_COLOR": no}  # empty counts as unset
        result = run_celint("check", *args, "broken/webhooks.yaml", cwd=folder, env=env)
        assert result.returncode == 1
        return "\x1b[" in result.stdout

    assert colored(force="1")
    assert not colored()  # a pipe, no variable: plain
    assert not colored(force="1", no="1")
    assert not colored("--no-color", force="1")
