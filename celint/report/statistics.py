"""``check --statistics``: how many findings each rule has, instead of the findings.

A rule with at least one fixable finding in the run is marked ``[*]``, as ruff does, so the
table says where ``--fix`` would help most. ``--format json`` gives the versioned JSON document
with a ``statistics`` member in place of ``diagnostics``; the other formats have no place for
counts, and the command line refuses them with ``--statistics``.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from celint.model import RunResult
from celint.report import ReportSettings
from celint.report.text import footer


class Row(NamedTuple):
    """One line of the statistics: how many findings of a rule, and whether it has a fix."""

    findings: int
    code: str
    rule: str
    fixable: bool


def render(result: RunResult, settings: ReportSettings, output_format: str) -> str:
    """JSON for ``--format json``; the text table for ``text``."""
    return (render_json if output_format == "json" else render_text)(result, settings)


def rows(result: RunResult) -> list[Row]:
    """One row per rule with findings, most frequent first, then by code."""
    counts = Counter((d.code, d.rule) for d in result.diagnostics)
    fixable = {d.code for d in result.diagnostics if d.fixable}
    table = [Row(n, code, rule, code in fixable) for (code, rule), n in counts.items()]
    return sorted(table, key=lambda row: (-row.findings, row.code))


def render_text(result: RunResult, settings: ReportSettings) -> str:
    """``  3  CE208  [*] poller-urls-concatenated`` per rule, then the summary line."""
    table = rows(result)
    width = max((len(str(row.findings)) for row in table), default=1)
    lines = [
        f"{row.findings:>{width}}  {row.code}  {'[*]' if row.fixable else '[ ]'} {row.rule}"
        for row in table
    ]
    return "".join(line + "\n" for line in lines) + footer(result.totals(), settings)


def render_json(result: RunResult, settings: ReportSettings) -> str:
    from celint.report.json import document

    table = [
        {"code": r.code, "rule": r.rule, "count": r.findings, "fixable": r.fixable}
        for r in rows(result)
    ]
    return document(result, "statistics", table)
