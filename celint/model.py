"""The result type of every stage: a finding with its rule, severity, position and pointer.

A :class:`Diagnostic` is what reporters print and what library users receive. It is frozen so that
findings can be de-duplicated, sorted and compared across runs (baselines, parallel workers).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


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


@dataclass(frozen=True, order=True)
class Span:
    """Where a value sits in its file: 1-based line and column, end exclusive, plus offsets.

    ``offset``/``end_offset`` index the decoded text (without a BOM); a fix replaces exactly
    that range.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    offset: int = field(default=0, compare=False)
    end_offset: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Diagnostic:
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
    fix: object = field(default=None, compare=False, repr=False)

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
        """The stable JSON shape (version 1) of SPEC section 5."""
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
