"""A real editor's LSP client: Neovim, headless, runs ``celint server`` on YAML and JSON.

Neovim (from the distribution's packages) starts the server as the README's recipe configures
it (tests/editors/nvim-celint.lua), opens bad bodies, a clean one and a file that is not an
instance body, and dumps ``vim.diagnostic.get()`` for each. The test compares them with
``celint check --format json`` on the same files: codes, lines, columns (Neovim counts bytes,
so the bodies hold non-ASCII text before their findings), severities and messages.

Without ``nvim`` (0.7 or later) the test skips, saying why; ``CELINT_REQUIRE_NVIM=1`` (set by
CI, which installs it) turns that skip into a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from clirun import run_celint
from samples import EXAMPLES, ROOT

SCRIPT = ROOT / "tests" / "editors" / "nvim-celint.lua"
#: vim.diagnostic.severity: ERROR, WARN, INFO.
SEVERITY = {"error": 1, "warning": 2, "info": 3}
GRIN = "\N{GRINNING FACE}"


def missing_nvim() -> str | None:
    """Why Neovim cannot run here, or None when it can."""
    nvim = shutil.which("nvim")
    if nvim is None:
        return "nvim is not on PATH (apt-get install -y neovim)"
    version = subprocess.run([nvim, "--version"], capture_output=True, text=True, check=False)
    found = re.match(r"NVIM v(\d+)\.(\d+)", version.stdout)
    if found is None or (int(found[1]), int(found[2])) < (0, 7):
        return f"Neovim 0.7 or later is needed, found {version.stdout.splitlines()[:1]}"
    return None


def gate(reason: str | None, required: bool) -> None:
    """Skip with ``reason``, or fail with it when Neovim is required (CI)."""
    if reason is None:
        return
    if required:
        pytest.fail(f"CELINT_REQUIRE_NVIM=1, but {reason}", pytrace=False)
    pytest.skip(reason)


def bodies(folder: Path) -> list[Path]:
    """A bad YAML body and a bad JSON body (each with text wider than a byte before a finding
    on its line), a clean example, and a JSON file that is not an instance body."""
    polling = (EXAMPLES / "quickbooks-polling.yaml").read_text(encoding="utf-8")
    polling = polling.replace("event.vendor.type: polling", "event.vendor.type: Poling")
    polling = polling.replace("bills|invoices|customers|payments", "bills,invoicez,customers")
    polling = polling.replace("https://app.example.com/events", "https;//app.example.com/events")
    polling = polling.replace("  - production\n", f'  - ["caf\u00e9 {GRIN}", "xxxxxxxx"]\n')
    webhook = json.loads((EXAMPLES / "quickbooks-webhook.json").read_text(encoding="utf-8"))
    configuration = webhook["configuration"]
    configuration["event.vendor.type"] = "webhooks"
    configuration["event.notification.enabled"] = "true"
    configuration["event.notification.callback.url"] = "http://localhost:8080/events"
    text = json.dumps(webhook, indent=2, ensure_ascii=False)
    text = text.replace('"name": "', f'"note": "{GRIN}", "name": "<NAME>", "_": "', 1)
    files = {
        "bad.yaml": polling,
        "bad.json": text + "\n",
        "good.yaml": (EXAMPLES / "quickbooks-polling.yaml").read_text(encoding="utf-8"),
        "package.json": '{"name": "app", "version": "1.0.0"}\n',
    }
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return [folder / name for name in files]


def neovim(folder: Path, files: list[Path]) -> dict[str, Any]:
    """Run Neovim headless on ``files`` and read what the script dumped."""
    dump = folder / "diagnostics.json"
    state = folder / "nvim-state"
    bin_dir = str(Path(sys.executable).parent)  # the celint of this venv, as ``celint``
    environment = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "CELINT_DUMP": str(dump),
        **{f"XDG_{kind}_HOME": str(state / kind) for kind in ("CONFIG", "DATA", "STATE", "CACHE")},
    }
    command = ["nvim", "--headless", "--clean", "-u", str(SCRIPT), *map(str, files)]
    done = subprocess.run(
        command, cwd=folder, env=environment, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(dump.read_text(encoding="utf-8"))
    return result


def as_neovim(d: dict[str, Any], text: str) -> tuple[Any, ...]:
    """A ``check --format json`` diagnostic as Neovim shows it: 0-based line, byte column."""
    line = text.split("\n")[d["line"] - 1]
    column = len(line[: d["column"] - 1].encode("utf-8"))
    return (d["code"], d["line"] - 1, column, SEVERITY[d["severity"]], d["message"])


def test_neovim_shows_what_celint_check_finds(tmp_path: Path) -> None:
    gate(missing_nvim(), os.environ.get("CELINT_REQUIRE_NVIM") == "1")
    files = bodies(tmp_path)
    shown = neovim(tmp_path, files)
    assert shown["missing"] == []  # the server published for every file, the clean ones too
    checked = json.loads(run_celint("check", "--format", "json", ".", cwd=tmp_path).stdout)
    for path, found in zip(files, shown["files"], strict=True):
        assert Path(found["file"]).resolve() == path.resolve()
        text = path.read_text(encoding="utf-8")
        want = [as_neovim(d, text) for d in checked["diagnostics"] if d["path"] == path.name]
        got = [
            (d["code"], d["lnum"], d["col"], d["severity"], d["message"])
            for d in found["diagnostics"]
        ]
        assert sorted(got) == sorted(want), path.name
        assert all(d["source"] == "celint" for d in found["diagnostics"])
    by_file = {Path(found["file"]).name: found["diagnostics"] for found in shown["files"]}
    assert {d["code"] for d in by_file["bad.yaml"]} >= {"CE201", "CE209", "CE212", "CE402"}
    assert {d["code"] for d in by_file["bad.json"]} >= {"CE213", "CE214", "CE217", "CE219"}
    assert by_file["good.yaml"] == [] and by_file["package.json"] == []
    (wide,) = [d for d in by_file["bad.yaml"] if d["code"] == "CE402"]
    assert wide["col"] == len(f'  - ["caf\u00e9 {GRIN}", '.encode())  # bytes: 19, not 15


@pytest.mark.parametrize(
    ("required", "outcome"), [(False, pytest.skip.Exception), (True, pytest.fail.Exception)]
)
def test_missing_nvim_skips_unless_required(required: bool, outcome: type[BaseException]) -> None:
    with pytest.raises(outcome, match="nvim is not on PATH"):
        gate("nvim is not on PATH (apt-get install -y neovim)", required)
    gate(None, required)


def test_the_readme_recipe_is_the_one_neovim_runs() -> None:
    """The README's Neovim block starts the server with the table the headless run uses."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```lua\n(.*?)```", readme, re.DOTALL)
    script = SCRIPT.read_text(encoding="utf-8")
    table = re.search(r"vim\.lsp\.start\((\{.*\})\)", block)
    assert table is not None
    assert f"local config = {table[1]}" in script
    assert 'pattern = { "yaml", "json" },' in block and 'pattern = { "yaml", "json" },' in script
