"""A parsed document: its plain value plus a way to find where any value sits in the file.

Positions are looked up by JSON Pointer. The table behind them is built on first use, so a file
without findings never pays for it (JSON) or pays only the marks the parser already made (YAML).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any, NamedTuple

from celint import pointer as jp
from celint.model import Span, line_starts


class Located(NamedTuple):
    """The span of a value and, for a member of a mapping, the span of its key; ``earlier``
    holds the spans of values a repeated key overrode (CE002), which a mask must hide too."""

    value: Span
    key: Span | None = None
    earlier: tuple[Span, ...] = ()

    def replaced_by(self, later: Located) -> Located:
        """``later`` as the member's location, remembering this value as overridden."""
        return Located(later.value, later.key, (*self.earlier, self.value, *later.earlier))


class LineIndex:
    """Turns character offsets into 1-based line/column pairs (lines as
    :data:`celint.model.LINE_BREAK` ends them)."""

    def __init__(self, text: str) -> None:
        self._starts = line_starts(text)
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        """The span of ``start:end``, cut at the end of the text: a problem at the end of a
        file (one character past it, as parsers report) ends where the text does."""
        start, end = min(start, self._length), min(end, self._length)
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column, start, end)


class Document:
    """One document of a file (YAML files may hold several): value, index and positions."""

    def __init__(
        self,
        value: Any,
        locate: Callable[[], dict[str, Located]],
        index: int = 0,
        start: Span | None = None,
    ) -> None:
        self.value = value
        self.index = index
        self._locate = locate
        self._table: dict[str, Located] | None = None
        self._start = start
        self._nested: dict[str, Document] = {}
        #: Pointer of a value reached through a YAML alias -> pointer of the anchored value.
        self.aliases: dict[str, str] = {}

    def _located(self, pointer: str) -> Located | None:
        return self.locations().get(pointer)

    def locations(self) -> dict[str, Located]:
        """Every located pointer of the document (built on first use)."""
        if self._table is None:
            self._table = self._locate()
        return self._table

    def span(self, pointer: str, *, key: bool = False) -> Span | None:
        """Where ``pointer`` is; with ``key`` the member's key. Missing pointers fall back upwards.

        A pointer that names nothing (a missing key) is placed on its nearest existing ancestor's
        key, which is where a reader looks for it.
        """
        for base, inner in self._nested.items():
            if pointer.startswith(base + "/"):
                return inner.span(pointer[len(base) :], key=key)
        found = self._located(pointer)
        if found is not None:
            return (found.key or found.value) if key else found.value
        if not pointer:
            return self._start
        ancestor = jp.parent(pointer)
        while True:
            found = self._located(ancestor)
            if found is not None:
                return found.key or found.value
            if not ancestor:
                return self._start
            ancestor = jp.parent(ancestor)

    def nest(self, pointer: str, inner: Document) -> None:
        """Place pointers that go on inside the string at ``pointer`` through ``inner``, a
        document parsed from that string whose spans already point into this file."""
        self._nested[pointer] = inner

    def translated(self, convert: Callable[[Span], Span]) -> Document:
        """The same value, with every span passed through ``convert`` (for a document parsed
        from a string value: its own offsets become offsets in the enclosing file)."""

        def locate() -> dict[str, Located]:
            if self._table is None:
                self._table = self._locate()
            return {
                pointer: Located(convert(found.value), found.key and convert(found.key))
                for pointer, found in self._table.items()
            }

        start = convert(self._start) if self._start is not None else None
        return Document(self.value, locate, self.index, start)
