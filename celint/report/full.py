"""``--format full``: each finding with the source line it points at and a caret under the value.

Secret values are masked in the quoted source, as everywhere else, each as the same fixed
mask whatever its length; carets after a mask stay under their value. The summary line is
``text``'s.
"""

from __future__ import annotations

from collections.abc import Callable

from celint.model import Diagnostic, FileReport, Span, split_lines
from celint.report import ReportSettings
from celint.report.text import evidence, line
from celint.report.text import footer as footer
from celint.secrets import FIXED_MASK

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


def _masked_ranges(line_number: int, length: int, spans: tuple[Span, ...]) -> list[range]:
    """The columns (0-based) of ``line_number`` that hold a secret value, in order."""
    found = []
    for span in spans:
        if span.line <= line_number <= span.end_line:
            start = span.column - 1 if span.line == line_number else 0
            end = span.end_column - 1 if span.end_line == line_number else length
            if end > start:
                found.append(range(start, end))
    return sorted(found, key=lambda r: r.start)


def _with_fixed_masks(text: str, ranges: list[range]) -> tuple[str, Callable[[int], int]]:
    """The line with each secret shown as :data:`FIXED_MASK` (so no output tells a secret's
    length), and the map from a column of the line to its column in what is shown."""
    out, last = [], 0
    for masked in ranges:
        out.append(text[last : masked.start] + FIXED_MASK)
        last = masked.stop
    out.append(text[last:])

    def shown(column: int) -> int:
        shift = 0
        for masked in ranges:
            if column >= masked.stop:
                shift += len(FIXED_MASK) - len(masked)
            elif column > masked.start:
                return masked.start + shift
        return column + shift

    return "".join(out), shown


def _excerpt(d: Diagnostic, lines: list[str], secrets: tuple[Span, ...], color: bool) -> list[str]:
    if d.span is None or not 0 < d.span.line <= len(lines):
        return []
    raw = lines[d.span.line - 1]
    ranges = _masked_ranges(d.span.line, len(raw), secrets)
    text, column = _with_fixed_masks(raw, ranges)
    gutter = f"{d.span.line:>5} | "
    start = column(d.span.column - 1)
    end = column(d.span.end_column - 1) if d.span.end_line == d.span.line else len(text)
    if any(r.start <= d.span.column - 1 < r.stop for r in ranges):
        end = max(end, start + len(FIXED_MASK))
    shown, start, end = _window(text, start, end)
    # A tab as one space keeps the caret's columns; after the cut, so that a megabyte line is
    # not copied once per finding.
    source = shown.expandtabs(1)
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
    lines = split_lines(report.quoted) if report.quoted is not None else []
    for d in report.diagnostics:
        out.append(line(d, settings.color))
        out.extend(_excerpt(d, lines, report.secrets, settings.color))
        out.extend(evidence(d, settings))
        out.append("")
    return "".join(item + "\n" for item in out)
