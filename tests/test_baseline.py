"""Baselines: record today's findings, report only new ones, survive moved lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run_celint
from samples import PLACEHOLDER_JSON, WEBHOOKS_YAML


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "instances").mkdir()
    (tmp_path / "instances" / "qbo.yaml").write_text(WEBHOOKS_YAML)
    (tmp_path / "instances" / "new.json").write_text(PLACEHOLDER_JSON)
    return tmp_path


def findings(folder: Path, *args: str) -> tuple[int, list[str]]:
    result = run_celint("check", "-q", "--format", "json", *args, "instances", cwd=folder)
    assert result.stderr == "" or result.stderr.startswith("celint: wrote"), result.stderr
    found = json.loads(result.stdout)["diagnostics"]
    return result.returncode, [f"{d['path']}:{d['line']} {d['code']}" for d in found]


def test_write_then_check_reports_nothing(repo: Path) -> None:
    result = run_celint("check", "--write-baseline", "baseline.json", "instances", cwd=repo)
    assert (result.returncode, result.stdout) == (
        0,
        "All checks passed (2 files checked); 5 findings in the baseline not shown.\n",
    )
    assert result.stderr == "celint: wrote 5 findings to the baseline baseline.json\n"
    recorded = json.loads((repo / "baseline.json").read_text())
    assert recorded["version"] == 1
    assert {"path": "instances/qbo.yaml", "code": "CE219"}.items() <= recorded["findings"][
        -1
    ].items()
    assert recorded["findings"][-1]["pointer"] == "/configuration/event.vendor.type"
    assert all("line" not in entry for entry in recorded["findings"])
    assert findings(repo, "--baseline", "baseline.json") == (0, [])


def test_baseline_survives_lines_inserted_above(repo: Path) -> None:
    run_celint("check", "--write-baseline", "baseline.json", "instances", cwd=repo)
    body = repo / "instances" / "qbo.yaml"
    body.write_text(
        "# Production QuickBooks\n# owned by the integrations team\n" + body.read_text()
    )
    assert findings(repo)[1][-1] == "instances/qbo.yaml:11 CE219"  # it moved down two lines
    assert findings(repo, "--baseline", "baseline.json") == (0, [])


def test_new_findings_are_reported(repo: Path) -> None:
    run_celint("check", "--write-baseline", "baseline.json", "instances", cwd=repo)
    (repo / "instances" / "copy.yaml").write_text(WEBHOOKS_YAML)
    body = repo / "instances" / "qbo.yaml"
    body.write_text(body.read_text().replace("name: QuickBooks", "name: ''"))
    assert findings(repo, "--baseline", "baseline.json") == (
        1,
        ["instances/copy.yaml:9 CE219", "instances/qbo.yaml:16 CE103"],
    )


def test_baseline_paths_are_relative_to_its_folder(repo: Path) -> None:
    run_celint("check", "--write-baseline", "baseline.json", "instances", cwd=repo)
    result = run_celint("check", "--baseline", "../baseline.json", ".", cwd=repo / "instances")
    assert (result.returncode, result.stdout) == (
        0,
        "All checks passed (2 files checked); 5 findings in the baseline not shown.\n",
    )


def test_fixed_finding_drops_out_when_rewritten(repo: Path) -> None:
    run_celint("check", "--write-baseline", "baseline.json", "instances", cwd=repo)
    assert run_celint("check", "--fix", "instances", cwd=repo).returncode == 1
    run_celint("check", "--write-baseline", "baseline.json", "instances", cwd=repo)
    codes = [e["code"] for e in json.loads((repo / "baseline.json").read_text())["findings"]]
    assert "CE219" not in codes and "CE217" not in codes
    assert codes == ["CE101", "CE304", "CE402"]
    # The fixed finding coming back is new again.
    (repo / "instances" / "qbo.yaml").write_text(WEBHOOKS_YAML)
    assert findings(repo, "--baseline", "baseline.json") == (1, ["instances/qbo.yaml:9 CE219"])


def test_entries_count(repo: Path) -> None:
    """Two recorded findings with one path, code and pointer hide two; a third is new."""
    multi = repo / "instances" / "multi.yaml"
    multi.write_text(WEBHOOKS_YAML + "---\n" + WEBHOOKS_YAML)
    run_celint("check", "--write-baseline", "baseline.json", "instances", cwd=repo)
    multi.write_text(WEBHOOKS_YAML + "---\n" + WEBHOOKS_YAML + "---\n" + WEBHOOKS_YAML)
    assert findings(repo, "--baseline", "baseline.json") == (1, ["instances/multi.yaml:43 CE219"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline.json: cannot read the baseline: No such file or directory"),
        ("[]", "baseline.json: not a celint baseline (version 1); write one with --write-baseline"),
        ('{"version": 1, "findings": [{"path": 1}]}', "baseline.json: not a celint baseline "
         "(version 1); write one with --write-baseline"),
    ],
)  # fmt: skip
def test_unreadable_baseline_is_exit_2(repo: Path, content: str | None, message: str) -> None:
    if content is not None:
        (repo / "baseline.json").write_text(content)
    result = run_celint("check", "--baseline", "baseline.json", "instances", cwd=repo)
    assert (result.returncode, result.stderr) == (2, f"celint: error: {message}\n")
