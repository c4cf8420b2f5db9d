"""Hostile input, second round (issue 15, items 7–21): each test is one item's reproducer."""

from __future__ import annotations

import json
from pathlib import Path

from clirun import run_celint

BODY = '{"element": {"key": "quickbooks"}, "name": "x", "tags": 1}\n'


def sarif_uris(stdout: str) -> set[str]:
    return {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in json.loads(stdout)["runs"][0]["results"]
    }


def test_21_sarif_artifact_uris_are_normalised(tmp_path: Path) -> None:
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    outside = run_celint(
        "check",
        "--format",
        "sarif",
        "--stdin-filename",
        "../../etc/passwd.json",
        "-",
        cwd=here,
        stdin=BODY,
    )
    assert sarif_uris(outside.stdout) == {(tmp_path / "etc" / "passwd.json").as_uri()}
    inside = run_celint(
        "check",
        "--format",
        "sarif",
        "--stdin-filename",
        "c/../d/./x.json",
        "-",
        cwd=here,
        stdin=BODY,
    )
    assert sarif_uris(inside.stdout) == {"d/x.json"}


def test_20_init_for_a_key_starting_with_a_digit_passes_its_own_check(tmp_path: Path) -> None:
    made = run_celint(
        "init", "--element", "9x", "--events", "webhook", "-o", "body.yaml", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "body.yaml").read_text()
    assert "  event.notification.signature.key: ${EVENTS_SIGNATURE_KEY}\n" in text
    checked = run_celint("check", "--format", "json", "body.yaml", cwd=tmp_path)
    found = [(d["code"], d["severity"]) for d in json.loads(checked.stdout)["diagnostics"]]
    assert (checked.returncode, found) == (0, [("CE301", "info")])
