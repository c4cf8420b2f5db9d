"""``--format text``: one line per finding, ``PATH:LINE:COL: CODE [severity] message``, then a
summary line."""

from __future__ import annotations

from celint.model import Diagnostic, FileReport, Severity, Totals
from celint.report import ReportSettings

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def line(d: Diagnostic, color: bool = False) -> str:
    """The one-line form of a finding; files without positions read as line 1, column 1."""
    where = f"{d.path}:{d.line or 1}:{d.column or 1}:"
    code = f"{d.code} [{d.severity.label}]"
    if color:
        import click  # only to colour: a piped run (CI, pre-commit) never imports it

        where = click.style(where, bold=True)
        code = click.style(code, fg=_COLORS[d.severity], bold=True)
    return f"{where} {code} {d.message}"


def evidence(d: Diagnostic, settings: ReportSettings) -> list[str]:
    """With ``-v``: the row under a finding that names the element fact it rests on (its
    trust and the doc page), so a reader can judge a catalogue finding by its source."""
    if not settings.verbose or d.evidence is None:
        return []
    return [f"    = evidence: {d.evidence}"]


def summary(totals: Totals, settings: ReportSettings) -> str:
    """``Found 3 problems (2 errors, 1 warning) in 1 of 4 files; 2 fixable with --fix.``"""
    fixed = f"Fixed {plural(settings.fixed, 'problem')}. " if settings.fixed else ""
    total = totals.problems
    if not total:
        if not totals.files_checked:
            return f"{fixed}No instance bodies found among {plural(totals.files, 'file')}."
        return f"{fixed}All checks passed ({plural(totals.files_checked, 'file')} checked)."
    counts = ", ".join(
        plural(totals.count(severity), severity.label)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if totals.count(severity)
    )
    text = (
        f"{fixed}Found {plural(total, 'problem')} ({counts}) in {totals.files_with_problems} "
        f"of {plural(totals.files_checked, 'file')}"
    )
    if totals.fixable:
        text += f"; {totals.fixable} fixable with --fix"
    return text + "."


def file_text(report: FileReport, settings: ReportSettings) -> str:
    rows = [
        row for d in report.diagnostics for row in [line(d, settings.color), *evidence(d, settings)]
    ]
    return "".join(row + "\n" for row in rows)


def footer(totals: Totals, settings: ReportSettings) -> str:
    """The summary line, unless ``--quiet``."""
    return "" if settings.quiet else summary(totals, settings) + "\n"
