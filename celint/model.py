"""The data that flows between the stages: pure values, no behaviour beyond reading them.

``Source`` (decoded text) goes into parsing; rules return ``Finding``s; the engine places them as
``Diagnostic``s in a ``FileReport``; a run collects reports into a ``RunResult`` and counts
``Totals``; reporters read only these. ``Rule`` is the metadata every stage shares (its check
function is one field). What a line is (:data:`LINE_BREAK`) is defined here too, once for every
stage that counts lines. Nothing here imports another celint module, so every stage may import it.
"""

from __future__ import annotations

import enum
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple


class Severity(enum.IntEnum):
    """How bad a finding is; the integer order lets ``--fail-on`` compare severities."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lower-case word used in every output format (``error``, ``warning``, ``info``)."""
        return self.name.lower()

    @classmethod
    def parse(cls, word: str) -> Severity:
        """Read a severity from its word, as the command line and the configuration spell it."""
        try:
            return cls[word.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {word!r}; use error, warning or info") from None


class Span(NamedTuple):
    """Where a value sits in its file: 1-based line and column, end exclusive, plus offsets.

    ``offset``/``end_offset`` index the decoded text (without a BOM); a fix replaces exactly
    that range.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    offset: int = 0
    end_offset: int = 0


class Diagnostic(NamedTuple):
    """One problem in one place, as every reporter and the library present it."""

    path: str
    code: str
    rule: str
    severity: Severity
    message: str
    pointer: str
    span: Span | None = None
    suggestion: str | None = None
    fixable: bool = False
    document: int = 0
    fix: object = None
    replacement: str | None = None
    #: Where the fact a catalogue finding rests on is documented (trust and doc page), for
    #: ``-v``; None for a finding that rests on no element fact. Not in the JSON contract.
    evidence: str | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self[:_IDENTITY] == other[:_IDENTITY]

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self[:_IDENTITY])

    def __repr__(self) -> str:
        """Every field but the fix and its replacement text (values, possibly secret ones)."""
        shown = (f"{name}={getattr(self, name)!r}" for name in self._fields if name not in _UNSHOWN)
        return f"Diagnostic({', '.join(shown)})"

    @property
    def line(self) -> int | None:
        return self.span.line if self.span else None

    @property
    def column(self) -> int | None:
        return self.span.column if self.span else None

    @property
    def end_line(self) -> int | None:
        return self.span.end_line if self.span else None

    @property
    def end_column(self) -> int | None:
        return self.span.end_column if self.span else None

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        """Deterministic report order: path, then position, then code."""
        return (
            self.path,
            self.document,
            self.line or 0,
            self.column or 0,
            self.code,
            self.pointer,
        )

    def to_dict(self) -> dict[str, object]:
        """The stable JSON shape (version 1) of the README's JSON output section."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "pointer": self.pointer,
            "suggestion": self.suggestion,
            "fixable": self.fixable,
        }


#: How many of a Diagnostic's fields make its identity: those of the JSON contract, before
#: ``fix``. The ones from there (the fix, its replacement text, the evidence) travel with it but
#: do not make it another finding, so a report replayed from the cache, which keeps no fix,
#: equals a fresh one.
_IDENTITY = Diagnostic._fields.index("fix")
_UNSHOWN = frozenset({"fix", "replacement"})

NO_FIX: Any = object()


class Finding(NamedTuple):
    """What a rule reports: where (pointer), what (message) and, when known, what would be right.

    ``fix`` is the value that would replace the one at ``pointer`` (``suggestion`` is how it is
    shown); ``on_key`` places the finding on the member's key; ``severity`` overrides the rule's;
    ``evidence`` cites the element fact the finding rests on (its trust and doc page), which
    ``-v`` prints.
    """

    pointer: str
    message: str
    suggestion: str | None = None
    fix: Any = NO_FIX
    on_key: bool = False
    severity: Severity | None = None
    evidence: str | None = None


#: A rule's check: it receives the rule context (:class:`celint.rules.api.RuleContext`, typed
#: loosely here so that the model imports no stage) and yields its findings.
CheckFunction = Callable[[Any], Iterable[Finding]]


class Rule(NamedTuple):
    """One rule: stable code and name (a contract), default severity, docs and its check.

    The reading rules (CE001–CE005) have no ``check``: their findings come from reading the
    file, and the readers import the rule objects to produce them.

    ``requires`` names what a body must hold for the check to be able to report anything: the
    configuration keys, one of which must be present (a key ending in ``.`` stands for every
    key that starts with it). A rule that requires nothing runs on every body. The registry
    neither runs nor imports a rule on a body that lacks them, so a rule's ``requires`` must
    hold for every body (``tests/test_rule_selection.py`` runs every rule both ways).
    """

    code: str
    name: str
    severity: Severity
    summary: str
    check: CheckFunction | None = None
    doc: str = ""
    fixable: bool = False
    generic: bool = False
    requires: tuple[str, ...] = ()

    @property
    def sections(self) -> dict[str, str]:
        """The doc's ``## Heading`` sections by lower-case heading."""
        parts = re.split(r"^## +(.+)$", self.doc, flags=re.MULTILINE)
        return {
            heading.strip().lower(): body.strip()
            for heading, body in zip(parts[1::2], parts[2::2], strict=True)
        }


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    doc: str | None,
    check: CheckFunction | None = None,
    *,
    fixable: bool = False,
    generic: bool = False,
    requires: Iterable[str] = (),
) -> Rule:
    """Build a module's ``RULE``: ``RULE = rule("CE201", "name", ..., __doc__, check)``.

    ``generic`` marks the schema rules whose findings give way to a specific rule's finding on
    the same value; ``fixable`` marks rules whose findings may carry a safe fix; ``requires``,
    the configuration keys without which the check finds nothing (see :class:`Rule`).
    """
    doc = (doc or "").strip()
    return Rule(code, name, severity, summary, check, doc, fixable, generic, tuple(requires))


class Source(NamedTuple):
    """Decoded text of one input with the BOM and encoding it came with."""

    path: str
    text: str
    bom: bytes = b""
    encoding: str = "utf-8"

    def encode(self, text: str) -> bytes:
        """Bytes for ``text`` in this source's encoding, BOM included, for writing a fix back."""
        return self.bom + text.encode(self.encoding)


def _same_fields(one: Any, other: object) -> bool:
    """Equality of two objects of one slotted class: every field equal (False for another
    class's object, which a dataclass's equality would have refused too)."""
    fields: tuple[str, ...] = one.__slots__
    if type(other) is not type(one):
        return False
    return all(getattr(one, name) == getattr(other, name) for name in fields)


class FileReport:
    """The outcome for one input: its diagnostics, and whether any instance body was checked.

    ``secrets`` are the spans of every secret value, found by the parse that produced the
    diagnostics; ``quoted`` is the file's text with those values masked, kept only for the
    formats that quote source lines. Reporters never see the raw text. ``linted_reason`` and
    ``skipped_reason`` say why the input was linted or skipped (``-v`` prints them). The
    engine fills a report in as it goes, so it is a mutable class, not a record.
    """

    __slots__ = (
        "checked",
        "diagnostics",
        "linted_reason",
        "path",
        "quoted",
        "secrets",
        "skipped_reason",
    )

    def __init__(
        self,
        path: str,
        diagnostics: list[Diagnostic] | None = None,
        checked: bool = False,
        skipped_reason: str | None = None,
        linted_reason: str | None = None,
        secrets: tuple[Span, ...] = (),
        quoted: str | None = None,
    ) -> None:
        self.path = path
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.checked = checked
        self.skipped_reason = skipped_reason
        self.linted_reason = linted_reason
        self.secrets = secrets
        self.quoted = quoted

    def with_diagnostics(self, diagnostics: list[Diagnostic]) -> FileReport:
        """This report with other diagnostics (a baseline splits a report in two)."""
        return FileReport(
            self.path,
            diagnostics,
            self.checked,
            self.skipped_reason,
            self.linted_reason,
            self.secrets,
            self.quoted,
        )

    def __eq__(self, other: object) -> bool:
        return _same_fields(self, other)

    __hash__ = None  # type: ignore[assignment]  # mutable: equal reports may not stay equal

    def __repr__(self) -> str:
        return f"FileReport({self.path!r}, {len(self.diagnostics)} diagnostics)"


class AppliedFix(NamedTuple):
    """One fix that ``--fix`` applied, as ``--show-fixes`` lists it: where the value was in the
    text its pass fixed (1-based), the rule, and the value's source text before and after,
    secret values masked."""

    path: str
    line: int
    column: int
    code: str
    rule: str
    before: str
    after: str


class Totals:
    """What a summary line and the exit code need from a run. It is counted as the reports go
    by, so a streamed run keeps these few numbers instead of the reports."""

    __slots__ = ("files", "files_checked", "files_with_problems", "fixable", "severities")

    def __init__(self) -> None:
        self.files = 0
        self.files_checked = 0
        self.files_with_problems = 0
        self.fixable = 0
        self.severities: Counter[Severity] = Counter()

    def __eq__(self, other: object) -> bool:
        return _same_fields(self, other)

    __hash__ = None  # type: ignore[assignment]  # mutable: it counts as a run goes

    def __repr__(self) -> str:
        return f"Totals({', '.join(f'{name}={getattr(self, name)!r}' for name in self.__slots__)})"

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.files_checked += report.checked
        self.files_with_problems += bool(report.diagnostics)
        for d in report.diagnostics:
            self.severities[d.severity] += 1
            self.fixable += d.fixable

    @property
    def problems(self) -> int:
        return sum(self.severities.values())

    def count(self, severity: Severity) -> int:
        return self.severities[severity]

    def reaches(self, threshold: Severity) -> bool:
        """Whether any finding is at least as severe as ``threshold`` (the exit code's test)."""
        return any(count and severity >= threshold for severity, count in self.severities.items())


class RunResult:
    """Everything reporters need: the reports of checked files and the overall counts.

    After ``--fix`` or ``--diff``, ``fixed`` counts the fixes applied, ``applied`` describes
    each, ``diffs`` holds one unified diff per changed file and ``stdin_text`` the fixed bytes
    of standard input (``--fix -`` prints them); the reports describe the fixed text.
    ``refused`` names the files ``--fix`` would have changed but did not write (read-only,
    hard-linked), and why; their reports describe them as they are. ``baselined`` counts the
    findings a baseline hid and ``stale`` lists its entries that matched nothing (path, code,
    pointer).
    """

    __slots__ = (
        "applied",
        "baselined",
        "diffs",
        "fixed",
        "refused",
        "reports",
        "stale",
        "stdin_text",
    )

    def __init__(self, reports: list[FileReport] | None = None) -> None:
        self.reports = [] if reports is None else reports
        self.fixed = 0
        self.diffs: list[str] = []
        self.refused: list[str] = []
        self.applied: list[AppliedFix] = []
        self.stdin_text: bytes | None = None
        self.baselined = 0
        self.stale: list[tuple[str, str, str]] = []

    def with_reports(self, reports: list[FileReport]) -> RunResult:
        """This run with other reports (a baseline splits a run in two); the rest is kept."""
        other = RunResult(reports)
        for name in self.__slots__:
            if name != "reports":
                setattr(other, name, getattr(self, name))
        return other

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for report in self.reports for d in report.diagnostics]

    def totals(self) -> Totals:
        """The counts of all reports, in one pass."""
        totals = Totals()
        for report in self.reports:
            totals.add(report)
        return totals


#: What ends a line, in JSON and YAML alike: CRLF, LF or a lone CR. These are YAML 1.2's line
#: breaks and the only ones JSON allows (as whitespace between tokens). NEL, LS, PS, VT and FF
#: are characters within a line, though ``str.splitlines`` breaks there. Positions, suppression
#: comments, quoted source lines and diffs all count lines by this one definition.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_AND_BREAK = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts (see :data:`LINE_BREAK`)."""
    return [0, *(match.end() for match in LINE_BREAK.finditer(text))]


def split_lines(text: str, *, keep_breaks: bool = False) -> list[str]:
    """The lines of ``text`` (see :data:`LINE_BREAK`). Without ``keep_breaks``, line ``n`` of a
    position is item ``n - 1``, up to the empty line after a final break; with it, the lines
    keep their breaks and join back into ``text``."""
    return _LINE_AND_BREAK.findall(text) if keep_breaks else LINE_BREAK.split(text)


def relative(path: str, base: str | os.PathLike[str] | None = None) -> str:
    """``path`` relative to ``base`` (the current folder by default), with ``/`` separators:
    how every report names a file.

    Code scanning, annotations and code-quality reports resolve paths against the checkout root,
    which is where CI runs celint; a path outside ``base`` keeps its ``..`` steps.
    """
    start = os.path.abspath(base if base is not None else os.curdir)
    try:
        found = os.path.relpath(os.path.abspath(path), start)
    except ValueError:  # another drive on Windows: no relative form exists
        found = os.path.abspath(path)
    return Path(found).as_posix()
