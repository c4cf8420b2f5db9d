"""Running the installed ``celint`` as a user would: a subprocess, real files, exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def celint_command() -> list[str]:
    """The ``celint`` script next to this interpreter (the venv the tests run in)."""
    script = Path(sys.executable).with_name("celint")
    if script.exists():
        return [str(script)]
    found = shutil.which("celint")
    return [found] if found else [sys.executable, "-m", "celint"]


def run_celint(
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environment.update(env or {})
    return subprocess.run(
        [*celint_command(), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
    )
