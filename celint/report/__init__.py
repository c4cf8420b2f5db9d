"""Output formats, imported only when chosen, so a run never pays for formats it does not print.

A format that prints file by file (``text``, ``full``, ``github``) has ``file_text(report,
settings) -> str`` and ``footer(totals, settings) -> str``: the command line prints each file's
part as its report arrives and keeps only the totals. Every other format has ``render(result,
settings) -> str`` over the whole run.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple

from celint.model import FileReport, Rule, RunResult, Severity, Totals


class ReportSettings(NamedTuple):
    """How to print: colour, the summary line (``quiet``: none), how many fixes were applied,
    how many findings a baseline hid, the lowest severity that fails the run (JUnit fails
    exactly those), and the rule table (formats that describe every rule, such as SARIF, list
    it; the caller passes the registry, so reporters never import the rules). ``verbose``
    (``-v``) adds, under each finding that rests on an element fact, where the docs state it
    (text and full), and prints the summary even of a run with nothing to report."""

    color: bool = False
    quiet: bool = False
    verbose: bool = False
    fixed: int = 0
    baselined: int = 0
    fail_on: Severity = Severity.WARNING
    rules: tuple[Rule, ...] = ()


Render = Callable[[RunResult, ReportSettings], str]

FORMATS: dict[str, str] = {
    "text": "celint.report.text",
    "full": "celint.report.full",
    "json": "celint.report.json",
    "sarif": "celint.report.sarif",
    "github": "celint.report.github",
    "junit": "celint.report.junit",
    "gitlab": "celint.report.gitlab",
}
STREAMING = frozenset({"text", "full", "github"})
#: The formats that quote a file's (masked) text: full, the line under each finding.
QUOTING = frozenset({"full"})
#: The formats that describe each fix: sarif, the text that would replace a value.
DESCRIBING_FIXES = frozenset({"sarif"})


class Streamer(NamedTuple):
    """A format that prints file by file: the part of one report, then a footer from the
    totals. Its whole-run rendering is those parts joined, so both ways print the same bytes."""

    file_text: Callable[[FileReport, ReportSettings], str]
    footer: Callable[[Totals, ReportSettings], str]

    def render(self, result: RunResult, settings: ReportSettings) -> str:
        parts = [self.file_text(report, settings) for report in result.reports]
        return "".join(parts) + self.footer(result.totals(), settings)


def streamer(name: str) -> Streamer | None:
    """The per-file functions of a format that prints file by file, imported on first use;
    None for a format that needs the whole run."""
    if name not in STREAMING:
        return None
    module = importlib.import_module(FORMATS[name])
    return Streamer(module.file_text, module.footer)


def renderer(name: str) -> Render:
    """The function that prints a whole run in a format, imported on first use."""
    found = streamer(name)
    if found is not None:
        return found.render
    render: Render = importlib.import_module(FORMATS[name]).render
    return render
