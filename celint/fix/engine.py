"""Autofix: apply the safe fixes that rules attach to their findings, changing only those bytes.

The loop is ruff's: lint, apply every fix that does not overlap another (from the end of the
text backwards, so earlier offsets stay valid), lint again, and repeat until no fixable finding
is left or :data:`MAX_PASSES` is reached. That is how two fixes to one value compose: the second
is planned against the text the first produced.

Each edit is checked before it is kept: the edited text must parse, and its documents must equal
the old ones with exactly the fixed value replaced. A rendering that would change anything else
(a plain scalar that reads differently, an alias shared by another key) is dropped, not written.
A text that does not parse has no fixable findings, so it is never changed.
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, replace
from typing import Any

from celint import pointer as jp
from celint import secrets
from celint.config.options import DEFAULT_OPTIONS, LintOptions
from celint.fix.values import render
from celint.io.read import DecodeError, decode
from celint.lint.engine import check_source, is_json, parse
from celint.model import Diagnostic, FileReport, Source, Span

MAX_PASSES = 10
# A line and its "\n" (a "\r" before it stays part of the line, as ``diff`` shows CRLF files).
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with the first of ``replacements`` that reads back right:
    the fix of one diagnostic."""

    start: int
    end: int
    replacements: tuple[str, ...]
    diagnostic: Diagnostic


@dataclass(frozen=True)
class FixResult:
    """The outcome of fixing one input: the fixed text, what was applied, and the final report."""

    source: Source
    text: str
    applied: list[Diagnostic]
    report: FileReport
    secrets_before: tuple[Span, ...] = ()

    @property
    def changed(self) -> bool:
        return self.text != self.source.text

    @property
    def remaining(self) -> list[Diagnostic]:
        """The findings of the fixed text: what ``--fix`` reports afterwards."""
        return self.report.diagnostics

    def encoded(self) -> bytes:
        """The fixed text as the file's bytes: same encoding, same BOM."""
        return self.source.encode(self.text)

    def diff(self) -> str:
        """A unified diff of the fixes ("" when nothing changes), secret values masked on both
        sides (its context lines would otherwise print them), as the parses that made the
        findings placed them."""
        before = secrets.collapse(self.source.text, self.secrets_before)
        after = secrets.collapse(self.text, self.report.secrets)
        return unified_diff(self.source.path, before, after)


def fix_source(source: Source, options: LintOptions = DEFAULT_OPTIONS) -> FixResult:
    """Lint, fix and re-lint ``source`` until nothing fixable is left (at most MAX_PASSES)."""
    applied: list[Diagnostic] = []
    current = source
    report = first = check_source(current, options, quote=True)
    for _ in range(MAX_PASSES):
        edits = plan(report.diagnostics, current)
        text, done = apply_checked(current, edits, options)
        if not done:
            break
        applied.extend(edit.diagnostic for edit in done)
        current = replace(current, text=text)
        report = check_source(current, options, quote=True)
    return FixResult(source, current.text, applied, report, first.secrets)


def fix_bytes(path: str, data: bytes, options: LintOptions = DEFAULT_OPTIONS) -> FixResult | None:
    """Decode and fix one input's bytes; None when they are not text or over the size limit
    (nothing to fix; the bytes read of a large file stop one past the limit)."""
    if len(data) > options.max_file_size:
        return None
    try:
        source = decode(path, data)
    except DecodeError:
        return None
    return fix_source(source, options)


def fix_text(
    text: str, path: str = "<text>", options: LintOptions = DEFAULT_OPTIONS
) -> tuple[str, list[Diagnostic], list[Diagnostic]]:
    """Fix a JSON or YAML text: ``(new_text, applied, remaining)``.

    ``path`` tells the format by its suffix, as in :func:`celint.lint_text`; ``remaining`` holds
    every finding of the fixed text, fixable or not.
    """
    result = fix_source(Source(path, text.removeprefix("\ufeff")), options)
    return result.text, result.applied, result.remaining


def describe(
    path: str, data: bytes, diagnostics: list[Diagnostic], options: LintOptions = DEFAULT_OPTIONS
) -> list[Diagnostic]:
    """``diagnostics`` with the ``replacement`` text of each fixable one: what would replace its
    span when fixed alone (as SARIF ``fixes`` describe it), checked like any edit. The text is
    parsed once for all of them."""
    try:
        source = decode(path, data)
    except DecodeError:
        return diagnostics
    before = parse(source, options)
    if before.failed:
        return diagnostics
    expected = {document.index: document.value for document in before.documents}
    described = []
    for diagnostic in diagnostics:
        edits = plan([diagnostic], source) if diagnostic.fixable else []
        text = _checked(source, expected, edits[0], options) if edits else None
        if text is not None:
            edit = edits[0]
            diagnostic = replace(
                diagnostic, replacement=text[edit.start : edit.end + len(text) - len(source.text)]
            )
        described.append(diagnostic)
    return described


def plan(diagnostics: list[Diagnostic], source: Source) -> list[Edit]:
    """The edits for one pass: each fixable finding rendered in the file's style, overlapping
    ones left for a later pass, no-op edits dropped; sorted from the start of the text."""
    json_style = is_json(source)
    candidates = []
    for diagnostic in diagnostics:
        span = diagnostic.span
        if not diagnostic.fixable or span is None:
            continue
        original = source.text[span.offset : span.end_offset]
        replacements = render(diagnostic.fix, original, json_style=json_style)
        if replacements and original not in replacements:
            candidates.append(Edit(span.offset, span.end_offset, replacements, diagnostic))
    edits: list[Edit] = []
    for edit in sorted(candidates, key=lambda e: (e.start, e.end)):
        if not edits or edit.start >= edits[-1].end:
            edits.append(edit)
    return edits


def apply_checked(
    source: Source, edits: list[Edit], options: LintOptions = DEFAULT_OPTIONS
) -> tuple[str, list[Edit]]:
    """Apply ``edits`` from the last to the first, keeping each only if the result still reads
    as the old documents with just that value replaced (an edit with no such rendering is
    dropped)."""
    before = parse(source, options)
    if before.failed:
        return source.text, []
    expected = {document.index: document.value for document in before.documents}
    text, kept = source.text, []
    for edit in reversed(edits):
        wanted = _with_value(expected, edit.diagnostic)
        fixed = None if wanted is None else _first_that_reads(source, text, edit, wanted, options)
        if wanted is not None and fixed is not None:
            text, expected = fixed, wanted
            kept.append(edit)
    kept.reverse()
    return text, kept


def _checked(
    source: Source, expected: dict[int, Any], edit: Edit, options: LintOptions
) -> str | None:
    """The text with ``edit`` alone applied, when it reads back right; else None."""
    wanted = _with_value(expected, edit.diagnostic)
    return None if wanted is None else _first_that_reads(source, source.text, edit, wanted, options)


def _first_that_reads(
    source: Source, text: str, edit: Edit, wanted: dict[int, Any], options: LintOptions
) -> str | None:
    """``text`` with the first of the edit's renderings that reads as ``wanted``."""
    for replacement in edit.replacements:
        candidate = text[: edit.start] + replacement + text[edit.end :]
        if _reads_as(replace(source, text=candidate), wanted, options):
            return candidate
    return None


def _with_value(documents: dict[int, Any], diagnostic: Diagnostic) -> dict[int, Any] | None:
    """A copy of ``documents`` with the diagnostic's value set to its fix; None when the
    pointer names no value (then there is nothing the fix could replace)."""
    try:
        jp.resolve(documents[diagnostic.document], diagnostic.pointer)
    except KeyError:
        return None
    result = copy.deepcopy(documents)
    tokens = jp.split(diagnostic.pointer)
    if not tokens:
        result[diagnostic.document] = diagnostic.fix
        return result
    container = jp.resolve(result[diagnostic.document], jp.parent(diagnostic.pointer))
    key = tokens[-1]
    container[int(key) if isinstance(container, list) else key] = diagnostic.fix
    return result


def _reads_as(source: Source, documents: dict[int, Any], options: LintOptions) -> bool:
    parsed = parse(source, options)
    found = {document.index: document.value for document in parsed.documents}
    return not parsed.failed and _same(found, documents)


def _same(left: Any, right: Any) -> bool:
    """Equal values of equal JSON types (``True == 1`` in Python, but not in a body)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(map(_same, left, right))
    return bool(left == right)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of two texts, marking a last line without a newline as ``diff`` does."""
    lines = difflib.unified_diff(_LINE.findall(before), _LINE.findall(after), path, path)
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
