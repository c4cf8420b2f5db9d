"""The CI formats (SARIF, GitHub, JUnit, GitLab), parsed back and compared with the JSON output."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from clirun import run_celint
from jsonschema import Draft7Validator
from samples import workspace

from celint import __version__
from celint.model import Diagnostic, Severity, Span
from celint.report import FORMATS
from celint.report.github import command
from celint.report.gitlab import issue
from celint.rules import all_rules

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
GITHUB_LINE = re.compile(r"::(?P<kind>error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)")


def unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse_github(line: str) -> dict[str, str]:
    """A workflow command back into its parts, as the Actions runner reads it."""
    match = GITHUB_LINE.fullmatch(line)
    assert match, line
    fields = dict(item.split("=", 1) for item in match["props"].split(","))
    parsed = {key: unescape(value) for key, value in fields.items()}
    return {**parsed, "kind": match["kind"], "message": unescape(match["data"])}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return workspace(tmp_path_factory.mktemp("formats"))


def output(folder: Path, fmt: str) -> str:
    result = run_celint("check", "--format", fmt, ".", cwd=folder)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.fixture(scope="module")
def expected(folder: Path) -> list[dict[str, Any]]:
    """The JSON output: the reference every other format is compared with."""
    diagnostics: list[dict[str, Any]] = json.loads(output(folder, "json"))["diagnostics"]
    assert {d["path"] for d in diagnostics} == {
        "broken/missing-comma.json",
        "broken/odd, na:me 100%.yaml",
        "broken/placeholder.json",
        "broken/webhooks.yaml",
    }
    return diagnostics


def test_format_choice_comes_from_the_registry() -> None:
    result = run_celint("check", "--format", "nope", ".")
    assert result.returncode == 2
    choices = ", ".join(f"'{name}'" for name in FORMATS)
    assert choices in result.stderr
    assert set(FORMATS) == {"text", "full", "json", "sarif", "github", "junit", "gitlab"}


def test_sarif_validates_against_the_official_schema(folder: Path) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$id"].endswith("/sarif-schema-2.1.0.json")
    log = json.loads(output(folder, "sarif"))
    errors = sorted(Draft7Validator(schema).iter_errors(log), key=str)
    assert errors == []


def test_sarif_driver_lists_every_rule(folder: Path) -> None:
    driver = json.loads(output(folder, "sarif"))["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("celint", __version__)
    assert driver["informationUri"] == "https://github.com/celint/celint"
    assert [r["id"] for r in driver["rules"]] == [r.code for r in all_rules()]
    ce219 = next(r for r in driver["rules"] if r["id"] == "CE219")
    assert ce219["name"] == "vendor-type-alias"
    assert ce219["defaultConfiguration"] == {"level": "warning"}
    assert ce219["shortDescription"]["text"].startswith("'webhooks': accepted alias")
    assert ce219["fullDescription"]["text"].startswith("Reports `event.vendor.type: webhooks`")
    assert "## Fix" in ce219["help"]["markdown"]
    assert ce219["help"]["text"].startswith("CE219 vendor-type-alias (warning by default")
    docs = "https://github.com/celint/celint/blob/main/docs/rules/"
    assert ce219["helpUri"] == docs + "CE219.md"
    assert [r["helpUri"] for r in driver["rules"]] == [docs + f"{r.code}.md" for r in all_rules()]


def test_sarif_results_agree_with_json(folder: Path, expected: list[dict[str, Any]]) -> None:
    run = json.loads(output(folder, "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert len(run["results"]) == len(expected)
    for result, d in zip(run["results"], expected, strict=True):
        assert result["ruleId"] == d["code"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == levels[d["severity"]]
        assert result["message"]["text"] == d["message"]
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert unquote(uri) == d["path"] and " " not in uri
        assert location["region"] == {
            "startLine": d["line"],
            "startColumn": d["column"],
            "endLine": d["end_line"],
            "endColumn": d["end_column"],
        }
    fingerprints = [r["partialFingerprints"]["celint/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_uri_outside_the_current_folder_is_absolute(folder: Path, tmp_path: Path) -> None:
    result = run_celint("check", "--format", "sarif", str(folder / "broken"), cwd=tmp_path)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(result.stdout)["runs"][0]["results"]
    }
    assert uris and all(uri.startswith("file:///") for uri in uris)


def test_github_lines_parse_back_to_the_json_findings(
    folder: Path, expected: list[dict[str, Any]]
) -> None:
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    parsed = [parse_github(line) for line in output(folder, "github").splitlines()]
    assert parsed == [
        {
            "file": d["path"],
            "line": str(d["line"]),
            "col": str(d["column"]),
            "endLine": str(d["end_line"]),
            "endColumn": str(d["end_column"]),
            "title": f"{d['code']} {d['rule']}",
            "kind": kinds[d["severity"]],
            "message": d["message"],
        }
        for d in expected
    ]


@pytest.mark.parametrize(
    ("severity", "kind"),
    [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice")],
)
def test_github_escaping_round_trips(severity: Severity, kind: str) -> None:
    d = Diagnostic(
        "a,b:c%d.yaml", "CE402", "placeholder-unreplaced", severity, "50% done\r\nnext: a, b",
        "/name", Span(2, 3, 2, 9),
    )  # fmt: skip
    line = command(d)
    assert line == (
        f"::{kind} file=a%2Cb%3Ac%25d.yaml,line=2,col=3,endLine=2,endColumn=9,"
        "title=CE402 placeholder-unreplaced::50%25 done%0D%0Anext: a, b"
    )
    parsed = parse_github(line)
    assert (parsed["file"], parsed["message"], parsed["kind"]) == (d.path, d.message, kind)


def test_github_without_position_leaves_it_out() -> None:
    d = Diagnostic("x.json", "CE004", "unreadable-input", Severity.ERROR, "binary", "")
    assert command(d) == "::error file=x.json,title=CE004 unreadable-input::binary"


def text_line(d: dict[str, Any]) -> str:
    return f"{d['path']}:{d['line']}:{d['column']}: {d['code']} [{d['severity']}] {d['message']}"


def test_junit_counts_add_up(folder: Path, expected: list[dict[str, Any]]) -> None:
    """One testcase per checked file; a file with findings at or above --fail-on (warning)
    has one failure listing them; the ones below are its system-out."""
    root = ET.fromstring(output(folder, "junit"))
    suites = root.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    checked = json.loads(output(folder, "json"))["files_checked"]
    assert len(cases) == checked == 6
    failed = [case for case in cases if case.find("failure") is not None]
    for element in (root, suites[0]):
        assert element.get("tests") == str(len(cases))
        assert element.get("failures") == str(len(failed)) == "4"
    for case in cases:
        mine = [d for d in expected if d["path"] == case.get("name")]
        failing = [d for d in mine if d["severity"] != "info"]
        below = [d for d in mine if d["severity"] == "info"]
        failures = case.findall("failure")
        assert len(failures) == (1 if failing else 0)
        if failing:
            first = failing[0]
            assert failures[0].get("type") == ",".join(dict.fromkeys(d["code"] for d in failing))
            assert (
                failures[0]
                .get("message", "")
                .startswith(f"{first['code']} {first['rule']}: {first['message']}")
            )
            assert failures[0].text == "".join(text_line(d) + "\n" for d in failing)
        out = case.find("system-out")
        assert (out.text if out is not None else "") == "".join(text_line(d) + "\n" for d in below)


def test_junit_survives_control_characters(tmp_path: Path) -> None:
    body = '{"element": {"key": "quickbooks"}, "name": "x", "configuration": {"a\\u0001": 1}}'
    (tmp_path / "ctl.json").write_text(body)
    result = run_celint("check", "--format", "junit", "--all", "ctl.json", cwd=tmp_path)
    ET.fromstring(result.stdout)  # parses: the control character was replaced


def test_gitlab_agrees_with_json(folder: Path, expected: list[dict[str, Any]]) -> None:
    severities = {"error": "major", "warning": "minor", "info": "info"}
    issues = json.loads(output(folder, "gitlab"))
    assert [(i["description"], i["check_name"], i["severity"], i["location"]) for i in issues] == [
        (
            d["message"],
            d["code"],
            severities[d["severity"]],
            {"path": d["path"], "lines": {"begin": d["line"], "end": d["end_line"]}},
        )
        for d in expected
    ]
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)


def test_gitlab_fingerprints_survive_runs_and_line_moves(folder: Path, tmp_path: Path) -> None:
    workspace(tmp_path)
    before = json.loads(output(tmp_path, "gitlab"))
    assert json.loads(output(tmp_path, "gitlab")) == before
    body = tmp_path / "broken" / "webhooks.yaml"
    body.write_text("# moved down\n# by two lines\n" + body.read_text())
    after = json.loads(output(tmp_path, "gitlab"))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    moved = [i for i in after if i["location"]["path"] == "broken/webhooks.yaml"]
    assert [i["location"]["lines"]["begin"] for i in moved] == [11]


@pytest.mark.parametrize(
    ("severity", "expected"),
    [(Severity.ERROR, "major"), (Severity.WARNING, "minor"), (Severity.INFO, "info")],
)
def test_gitlab_severity_mapping(severity: Severity, expected: str) -> None:
    d = Diagnostic("x.json", "CE217", "boolean-as-string", severity, "m", "/a")
    assert issue(d, "f")["severity"] == expected
    assert issue(d, "f")["location"] == {"path": "x.json", "lines": {"begin": 1}}
