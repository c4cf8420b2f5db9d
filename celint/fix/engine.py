"""Autofix: apply the safe fixes that rules attach to their findings, changing only those bytes.

The loop is ruff's: lint, apply every fix that does not overlap another (each replacing its
span of the text as it was linted), lint again, and repeat until no fixable finding is left or
:data:`MAX_PASSES` is reached. That is how two fixes to one value compose: the second
is planned against the text the first produced.

Each edit is checked before it is kept: the edited text must parse, and its documents must equal
the old ones with exactly the fixed value replaced. A rendering that would change anything else
(a plain scalar that reads differently, an alias shared by another key) is dropped, not written.
A text that does not parse has no fixable findings, so it is never changed.

The edits of a pass are checked together: all applied, one parse, one comparison. Only when
that fails are they split in halves, and so on down to single edits, which try their other
renderings. Two thousand fixes in one exported array then cost one parse, not two thousand.
"""

from __future__ import annotations

import copy
from typing import Any, NamedTuple

from celint import pointer as jp
from celint import secrets
from celint.config.options import DEFAULT_OPTIONS, LintOptions
from celint.fix.diff import unified_diff
from celint.fix.values import render
from celint.io.read import DecodeError, decode
from celint.lint.cap import capped
from celint.lint.engine import check_source, is_json, parse
from celint.model import AppliedFix, Diagnostic, FileReport, Source, Span

MAX_PASSES = 10


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with the first of ``replacements`` that reads back right:
    the fix of one diagnostic. An edit that was applied holds only the rendering it used."""

    start: int
    end: int
    replacements: tuple[str, ...]
    diagnostic: Diagnostic


class FixResult(NamedTuple):
    """The outcome of fixing one input: the fixed text, what was applied (the findings, and
    each fix as ``--show-fixes`` lists it), and the final report."""

    source: Source
    text: str
    applied: list[Diagnostic]
    report: FileReport
    secrets_before: tuple[Span, ...] = ()
    shown: tuple[AppliedFix, ...] = ()

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
    """Lint, fix and re-lint ``source`` until nothing fixable is left (at most MAX_PASSES).

    The passes see every finding, past the findings cap too, so that each fixes all it can;
    the report of the fixed text is then capped like any other (a second lint only for a file
    past the cap).
    """
    applied: list[Diagnostic] = []
    shown: list[AppliedFix] = []
    current = source
    report = first = check_source(current, options, quote=True, cap=False)
    for _ in range(MAX_PASSES):
        edits = plan(report.diagnostics, current)
        if not edits:
            break
        text, done = apply_checked(current, edits, options)
        if not done:
            break
        applied.extend(edit.diagnostic for edit in done)
        fixed = current._replace(text=text)
        after = check_source(fixed, options, quote=True, cap=False)
        shown.extend(_shown(done, (current.text, report), (text, after)))
        current, report = fixed, after
    if capped(report.diagnostics, options.max_findings_per_rule) is not report.diagnostics:
        report = check_source(current, options, quote=True)
    return FixResult(source, current.text, applied, report, first.secrets, tuple(shown))


def _shown(
    done: list[Edit], before: tuple[str, FileReport], after: tuple[str, FileReport]
) -> list[AppliedFix]:
    """The edits of one pass as ``--show-fixes`` lists them: each value's text before and
    after, masked with the secret spans of the parse on each side (as the diff is)."""
    old = secrets.mask(before[0], before[1].secrets)
    new = secrets.mask(after[0], after[1].secrets)
    shift, found = 0, []
    for edit in done:  # sorted from the start: each earlier edit moves the later ones
        written = len(edit.replacements[0])
        start = edit.start + shift
        d, span = edit.diagnostic, edit.diagnostic.span
        if span is None:  # plan() makes edits only for findings with a place
            continue
        was, now = old[edit.start : edit.end], new[start : start + written]
        found.append(
            AppliedFix(d.path, span.line, span.column, d.code, d.rule, _one(was), _one(now))
        )
        shift += written - (edit.end - edit.start)
    return found


def _one(text: str) -> str:
    """A value's source text on one line (a block scalar spans several)."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


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
    span when fixed alone (as SARIF ``fixes`` describe it), checked like any edit.

    Edits that do not overlap do not change what each other read as, so they are checked
    together (see :class:`_Checker`); an edit that overlaps another is checked in another group,
    on the text as it is.
    """
    try:
        source = decode(path, data)
    except DecodeError:
        return diagnostics
    checker = _Checker.of(source, options)
    if checker is None:
        return diagnostics
    edits = [edit for d in diagnostics if d.fixable for edit in plan([d], source)]
    replacements: dict[int, str] = {}
    for group in _disjoint(edits):
        for index, replacement in checker.settle(group).items():
            replacements[id(group[index].diagnostic)] = replacement
    return [
        d._replace(replacement=replacements[id(d)]) if id(d) in replacements else d
        for d in diagnostics
    ]


def _disjoint(edits: list[Edit]) -> list[list[Edit]]:
    """``edits`` in groups whose spans do not overlap, each sorted from the start of the text
    (nearly always one group: only fixes of one value overlap)."""
    groups: list[list[Edit]] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        group = next((g for g in groups if edit.start >= g[-1].end), None)
        if group is None:
            groups.append([edit])
        else:
            group.append(edit)
    return groups


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
    """Apply the non-overlapping ``edits``, keeping each only if the result still reads as the
    old documents with just the fixed values replaced (an edit with no such rendering is
    dropped); returns the text and the edits kept, in order."""
    checker = _Checker.of(source, options)
    if checker is None:
        return source.text, []
    chosen = checker.settle(edits)
    kept = [edit._replace(replacements=(chosen[i],)) for i, edit in enumerate(edits) if i in chosen]
    return checker.text(edits, chosen), kept


class _Checker:
    """Checks renderings of edits against one source: applied together, do they read as its
    documents with exactly those values replaced? A file libyaml reads must stay one libyaml
    reads (a plain ``https://x`` inside ``{...}`` is YAML 1.2, which many YAML tools reject)."""

    def __init__(
        self, source: Source, expected: dict[int, Any], options: LintOptions, yaml_1_2: bool
    ) -> None:
        self.source = source
        self.expected = expected
        self.options = options
        self.yaml_1_2 = yaml_1_2

    @classmethod
    def of(cls, source: Source, options: LintOptions) -> _Checker | None:
        """The checker of ``source``, or None when it does not parse (nothing is fixed)."""
        before = parse(source, options)
        if before.failed:
            return None
        expected = {d.index: d.value for d in before.documents}
        return cls(source, expected, options, before.only_yaml_1_2)

    def settle(self, edits: list[Edit]) -> dict[int, str]:
        """The rendering kept for each edit (by index) that reads back right: every edit's
        first rendering when all of them do together, else each half settled on its own, the
        second on top of the first, down to single edits trying each of their renderings."""
        chosen: dict[int, str] = {}
        usable = [i for i, edit in enumerate(edits) if _names_a_value(self.expected, edit)]
        if usable:
            self._settle(edits, usable, chosen)
        return chosen

    def _settle(self, edits: list[Edit], batch: list[int], chosen: dict[int, str]) -> None:
        if len(batch) == 1:
            index = batch[0]
            for rendering in edits[index].replacements:
                if self._reads_right(edits, chosen, {index: rendering}):
                    chosen[index] = rendering
                    return
            return
        trial = {index: edits[index].replacements[0] for index in batch}
        if self._reads_right(edits, chosen, trial):
            chosen.update(trial)
            return
        middle = len(batch) // 2
        self._settle(edits, batch[:middle], chosen)
        self._settle(edits, batch[middle:], chosen)

    def text(self, edits: list[Edit], chosen: dict[int, str]) -> str:
        """The source text with the ``chosen`` renderings of ``edits`` in place."""
        text, parts, position = self.source.text, [], 0
        for index in sorted(chosen, key=lambda i: edits[i].start):
            edit = edits[index]
            parts += [text[position : edit.start], chosen[index]]
            position = edit.end
        return "".join([*parts, text[position:]])

    def _reads_right(
        self, edits: list[Edit], chosen: dict[int, str], trial: dict[int, str]
    ) -> bool:
        """Whether the ``trial`` renderings, on top of those ``chosen``, read back right."""
        applied = {**chosen, **trial}
        wanted = copy.deepcopy(self.expected)
        for index in applied:
            _set_value(wanted, edits[index].diagnostic)
        parsed = parse(
            self.source._replace(text=self.text(edits, applied)),
            self.options,
            yaml_1_2=self.yaml_1_2,
        )
        found = {document.index: document.value for document in parsed.documents}
        return not parsed.failed and _same(found, wanted)


def _names_a_value(documents: dict[int, Any], edit: Edit) -> bool:
    """Whether the edit's pointer names a value (else there is nothing its fix could replace)."""
    try:
        jp.resolve(documents[edit.diagnostic.document], edit.diagnostic.pointer)
    except KeyError:
        return False
    return True


def _set_value(documents: dict[int, Any], diagnostic: Diagnostic) -> None:
    """Set the diagnostic's value in ``documents`` to its fix."""
    tokens = jp.split(diagnostic.pointer)
    if not tokens:
        documents[diagnostic.document] = diagnostic.fix
        return
    container = jp.resolve(documents[diagnostic.document], jp.parent(diagnostic.pointer))
    key = tokens[-1]
    container[int(key) if isinstance(container, list) else key] = diagnostic.fix


def _same(left: Any, right: Any) -> bool:
    """Equal values of equal JSON types (``True == 1`` in Python, but not in a body)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(map(_same, left, right))
    return bool(left == right)
