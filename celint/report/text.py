"""``--format text``: one line per finding, ``PATH:LINE:COL: CODE [severity] message``, then a
summary line."""

from __future__ import annotations

from celint.model import Diagnostic, FileReport, Severity, Totals
from celint.report import ReportSettings

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 file``, ``2 files``; ``many`` for a word whose plural is not ``word + s``."""
    return f"{count} {word if count == 1 else many or word + 's'}"


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
    """``Found 3 problems (2 errors, 1 warning) in 1 of 4 files; 2 fixable with --fix.``

    A run that checked no instance body and found nothing has nothing to report, and says so
    only with ``-v`` (""): pre-commit runs a hook once per batch of files, and a batch of
    unrelated files would otherwise print its own line next to the real results.
    """
    fixed = f"Fixed {plural(settings.fixed, 'problem')}. " if settings.fixed else ""
    hidden = (
        f"; {plural(settings.baselined, 'finding')} in the baseline not shown"
        if settings.baselined
        else ""
    )
    total = totals.problems
    if not total:
        if not totals.files_checked:
            if not settings.verbose:
                return ""
            return f"{fixed}No instance bodies found among {plural(totals.files, 'file')}."
        checked = plural(totals.files_checked, "file")
        return f"{fixed}All checks passed ({checked} checked){hidden}."
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
    return text + hidden + "."


def file_text(report: FileReport, settings: ReportSettings) -> str:
    rows = [
        row for d in report.diagnostics for row in [line(d, settings.color), *evidence(d, settings)]
    ]
    return "".join(row + "\n" for row in rows)


def footer(totals: Totals, settings: ReportSettings) -> str:
    """The summary line, unless ``--quiet`` or there is nothing to report."""
    line = "" if settings.quiet else summary(totals, settings)
    return line + "\n" if line else ""
