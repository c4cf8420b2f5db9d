"""Output formats. Each reporter module has ``render(result, settings) -> str``.

Reporters are imported only when chosen, so a run never pays for formats it does not print.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line reads FORMATS without importing the linter
    from celint.runner import RunResult


@dataclass(frozen=True)
class ReportSettings:
    """How to print: colour, the summary line, and how many fixes were applied."""

    color: bool = False
    quiet: bool = False
    fixed: int = 0


Render = Callable[["RunResult", ReportSettings], str]

FORMATS: dict[str, str] = {
    "text": "celint.reporters.text",
    "full": "celint.reporters.full",
    "json": "celint.reporters.json",
    "sarif": "celint.reporters.sarif",
    "github": "celint.reporters.github",
    "junit": "celint.reporters.junit",
    "gitlab": "celint.reporters.gitlab",
}


def renderer(name: str) -> Render:
    """The ``render`` function of a format, imported on first use."""
    module = importlib.import_module(FORMATS[name])
    render: Render = module.render
    return render
