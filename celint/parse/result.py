"""What a loader returns: the documents it could read and the problems that stopped it."""

from __future__ import annotations

from typing import NamedTuple

from celint.model import Rule, Span
from celint.parse.document import Document
from celint.rules.reading.ce002_duplicate_key import RULE as DUPLICATE_KEY


class ParseProblem(NamedTuple):
    """A problem found while reading (CE001, CE002, CE004), already placed in the file."""

    rule: Rule
    message: str
    span: Span | None
    pointer: str = ""
    document: int = 0


class ParseResult:
    """``only_yaml_1_2``: libyaml (YAML 1.1, which most YAML tools use) rejected the text and
    only ruamel's YAML 1.2 parser read it. ``unrecorded``: problems counted but not recorded,
    by rule code (duplicate keys past what the findings cap could show)."""

    __slots__ = ("documents", "only_yaml_1_2", "problems", "unrecorded")

    def __init__(
        self,
        documents: list[Document] | None = None,
        problems: list[ParseProblem] | None = None,
        only_yaml_1_2: bool = False,
        unrecorded: dict[str, int] | None = None,
    ) -> None:
        self.documents = [] if documents is None else documents
        self.problems = [] if problems is None else problems
        self.only_yaml_1_2 = only_yaml_1_2
        self.unrecorded = {} if unrecorded is None else unrecorded

    @property
    def failed(self) -> bool:
        """True when the text could not be read as a whole (a CE001/CE004 stops linting)."""
        return any(problem.rule is not DUPLICATE_KEY for problem in self.problems)
