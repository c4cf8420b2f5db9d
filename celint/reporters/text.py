"""``--format text``: one line per finding, ``PATH:LINE:COL: CODE [severity] message``, then a
summary line."""

from __future__ import annotations

import click

from celint.diagnostic import Diagnostic, Severity
from celint.reporters import ReportSettings
from celint.runner import RunResult

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def line(d: Diagnostic, color: bool = False) -> str:
    """The one-line form of a finding; files without positions read as line 1, column 1."""
    where = f"{d.path}:{d.line or 1}:{d.column or 1}:"
    code = f"{d.code} [{d.severity.label}]"
    if color:
        where = click.style(where, bold=True)
        code = click.style(code, fg=_COLORS[d.severity], bold=True)
    return f"{where} {code} {d.message}"


def summary(result: RunResult, settings: ReportSettings) -> str:
    """``Found 3 problems (2 errors, 1 warning) in 1 of 4 files; 2 fixable with --fix.``"""
    fixed = f"Fixed {plural(settings.fixed, 'problem')}. " if settings.fixed else ""
    total = len(result.diagnostics)
    if not total:
        if not result.files_checked:
            return f"{fixed}No instance bodies found among {plural(len(result.reports), 'file')}."
        return f"{fixed}All checks passed ({plural(result.files_checked, 'file')} checked)."
    counts = ", ".join(
        plural(result.count(severity), severity.label)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if result.count(severity)
    )
    text = (
        f"{fixed}Found {plural(total, 'problem')} ({counts}) in {result.files_with_problems} "
        f"of {plural(result.files_checked, 'file')}"
    )
    if result.fixable:
        text += f"; {result.fixable} fixable with --fix"
    return text + "."


def render(result: RunResult, settings: ReportSettings) -> str:
    lines = [line(d, settings.color) for d in result.diagnostics]
    if not settings.quiet:
        lines.append(summary(result, settings))
    return "".join(item + "\n" for item in lines)
