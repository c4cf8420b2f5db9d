"""The GitHub Action (``action.yml``): its shell steps run here as a workflow runs them.

The runner expands ``${{ inputs.X }}`` and ``${{ steps.check.outputs.Y }}`` in a step's ``env``
and runs its script with ``bash --noprofile --norc -eo pipefail``; the step's outputs are the
``name=value`` lines it appends to ``$GITHUB_OUTPUT``. The tests do the same with the celint of
this test environment on ``PATH`` (what the install step puts there), so the command line the
script builds is the one a workflow runs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from clirun import run_celint
from ruamel.yaml import YAML
from samples import MISSING_COMMA_JSON, ROOT, workspace

from celint import __version__

ACTION = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def step(name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)
    return found


def inputs(**given: str) -> dict[str, str]:
    """The action's inputs as a workflow's ``with:`` would set them, defaults for the rest."""
    names = {name.replace("_", "-") for name in given}
    assert names <= set(ACTION["inputs"]), names
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    return values | {name.replace("_", "-"): value for name, value in given.items()}


def expand(text: str, context: dict[str, str]) -> str:
    return EXPRESSION.sub(lambda match: context[match[1]], text)


def run_step(
    name: str, folder: Path, context: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run one ``shell: bash`` step in ``folder``: its result and the outputs it set."""
    spec = step(name)
    assert spec["shell"] == "bash"
    output = folder / "github-output"
    output.write_text("")
    env = {key: expand(str(value), context) for key, value in spec.get("env", {}).items()}
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    bin_dir = str(Path(sys.executable).parent)
    environment |= env | {
        "GITHUB_OUTPUT": str(output),
        "PATH": bin_dir + os.pathsep + os.environ["PATH"],
    }
    script = folder / "step.sh"
    script.write_text(spec["run"])
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=folder, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    lines = output.read_text().splitlines()
    return done, dict(line.split("=", 1) for line in lines)


def check_context(**given: str) -> dict[str, str]:
    return {f"inputs.{name}": value for name, value in inputs(**given).items()}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return workspace(tmp_path)


def test_check_step_runs_the_command_a_workflow_runs(folder: Path) -> None:
    done, outputs = run_step("celint check", folder, check_context(paths="broken examples"))
    direct = run_celint("check", "--format", "github", "broken", "examples", cwd=folder)
    assert done.returncode == 0  # the step records the code; the last step fails the job
    assert outputs == {"exit-code": "1"}
    assert (done.stdout, done.stderr) == (direct.stdout, direct.stderr)
    assert done.stdout.startswith("::error file=broken/missing-comma.json,line=")


def test_check_step_writes_sarif_and_keeps_the_log(folder: Path) -> None:
    context = check_context(paths="broken", sarif="true", sarif_file="out/celint.sarif",
                            args="--fail-on error --select CE0,CE2")  # fmt: skip
    (folder / "out").mkdir()
    done, outputs = run_step("celint check", folder, context)
    assert outputs == {"exit-code": "1"}
    sarif = json.loads((folder / "out" / "celint.sarif").read_text())
    codes = sorted(r["ruleId"] for r in sarif["runs"][0]["results"])
    assert codes == ["CE001", "CE217", "CE219", "CE219"]
    direct = run_celint("check", "--format", "github", "--fail-on", "error", "--select",
                        "CE0,CE2", "broken", cwd=folder)  # fmt: skip
    assert done.stdout == direct.stdout


def test_check_step_on_clean_bodies_and_on_a_usage_error(folder: Path) -> None:
    clean, outputs = run_step("celint check", folder, check_context(paths="examples"))
    assert (clean.stdout, outputs) == ("", {"exit-code": "0"})
    bad, outputs = run_step("celint check", folder, check_context(args="--fail-on never"))
    assert outputs == {"exit-code": "2"}
    assert "Invalid value for '--fail-on'" in bad.stderr


def test_paths_are_words_not_globs(folder: Path) -> None:
    (folder / "*.json").write_text("{}")  # a file literally named like a glob: not a body
    (folder / "found.json").write_text(MISSING_COMMA_JSON)  # what the glob would also take
    done, outputs = run_step("celint check", folder, check_context(paths="*.json"))
    assert (outputs, done.stdout) == ({"exit-code": "0"}, "")


@pytest.mark.parametrize("code", ["0", "1", "2"])
def test_last_step_fails_the_job_with_celint_exit_code(folder: Path, code: str) -> None:
    done, _ = run_step("Fail on findings", folder, {"steps.check.outputs.exit-code": code})
    assert done.returncode == int(code)


def test_sarif_upload_step_reads_the_file_the_check_wrote() -> None:
    upload = step("Upload the SARIF report to code scanning")
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    # Uploaded when findings fail the check too, never after a usage error (no report then).
    assert upload["if"] == "inputs.sarif == 'true' && steps.check.outputs.exit-code != '2'"
    assert ACTION["outputs"]["exit-code"]["value"] == "${{ steps.check.outputs.exit-code }}"


def test_install_step_installs_the_action_checkout() -> None:
    script = step("Install celint from the action's checkout")["run"]
    assert '-m pip install --quiet "$GITHUB_ACTION_PATH"' in script
    assert '>> "$GITHUB_PATH"' in script


def test_readme_uses_the_action_at_the_released_tag() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"uses: celint/celint@v{__version__}\n" in readme
