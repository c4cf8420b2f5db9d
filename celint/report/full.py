"""``--format full``: each finding with the source line it points at and a caret under the value.

Secret values are masked in the quoted source, as everywhere else. The summary line is
``text``'s.
"""

from __future__ import annotations

from celint.model import Diagnostic, FileReport
from celint.report import ReportSettings
from celint.report.text import footer as footer
from celint.report.text import line

WIDTH = 100
CONTEXT = 24
ELLIPSIS = "…"


def _window(source: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line down to about WIDTH characters around ``start``..``end``.

    Minified one-line bodies would otherwise print kilobytes per finding. Returns the shown
    text and the caret's start and end within it.
    """
    if len(source) <= WIDTH:
        return source, start, end
    left = max(0, start - CONTEXT)
    right = min(len(source), max(end, left + WIDTH))
    if right - left > WIDTH:
        right = left + WIDTH
        end = min(end, right)
    prefix = ELLIPSIS if left else ""
    suffix = ELLIPSIS if right < len(source) else ""
    shift = len(prefix) - left
    return prefix + source[left:right] + suffix, start + shift, end + shift


def _excerpt(d: Diagnostic, lines: list[str], color: bool) -> list[str]:
    if d.span is None or not 0 < d.span.line <= len(lines):
        return []
    full_line = lines[d.span.line - 1].rstrip("\r").expandtabs(1)
    gutter = f"{d.span.line:>5} | "
    end = d.span.end_column - 1 if d.span.end_line == d.span.line else len(full_line)
    source, start, end = _window(full_line, d.span.column - 1, end)
    caret = " " * start + "^" * max(1, end - start)
    if color:
        import click  # only to colour: a piped run (CI, pre-commit) never imports it

        caret = click.style(caret, fg="red", bold=True)
    rows = [gutter + source, " " * (len(gutter) - 2) + "| " + caret]
    if d.suggestion is not None:
        rows.append(
            " " * (len(gutter) - 2) + f"= help: {'fix' if d.fixable else 'did you mean'}: "
            f"{d.suggestion}"
        )
    return rows


def file_text(report: FileReport, settings: ReportSettings) -> str:
    """Each finding of one file, its source line and caret, and an empty line after it."""
    out: list[str] = []
    lines = report.quoted.split("\n") if report.quoted is not None else []
    for d in report.diagnostics:
        out.append(line(d, settings.color))
        out.extend(_excerpt(d, lines, settings.color))
        out.append("")
    return "".join(item + "\n" for item in out)
