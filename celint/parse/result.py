"""What a loader returns: the documents it could read and the problems that stopped it."""

from __future__ import annotations

from dataclasses import dataclass, field

from celint.model import Span
from celint.parse.document import Document


@dataclass(frozen=True)
class ParseProblem:
    """A problem found while reading (CE001, CE002, CE004), already placed in the file."""

    code: str
    message: str
    span: Span | None
    pointer: str = ""
    document: int = 0


@dataclass
class ParseResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when the text could not be read as a whole (a CE001/CE004 stops linting)."""
        return any(problem.code != "CE002" for problem in self.problems)
