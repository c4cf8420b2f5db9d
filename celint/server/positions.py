"""celint positions as LSP positions: 1-based code points in, 0-based code units out.

celint counts lines at ``\\n`` and columns in code points from 1, in the text without its byte
order mark. LSP counts lines at ``\\n``, ``\\r\\n`` and ``\\r``, and characters from 0 in the
code units of the position encoding agreed at ``initialize``: UTF-16 unless the client offered
UTF-8 or UTF-32. Both are turned into an offset in the editor's text first, so a file with
lone ``\\r`` line breaks or characters outside the BMP still lands on the right character.
"""

from __future__ import annotations

import bisect
import re

from celint.model import Span

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
BOM = "\ufeff"
_LSP_BREAK = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    """How many code units ``text`` takes in a position encoding (unknown ones: UTF-16, the
    protocol's default)."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class TextPositions:
    """Converts between celint spans of one text and LSP ``(line, character)`` pairs."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        # celint's offsets index the text after the BOM, which the editor's text may keep.
        self._shift = 1 if text.startswith(BOM) else 0
        body = text[self._shift :]
        self._celint_starts = [0, *(m.end() for m in re.finditer("\n", body))]
        self._lsp_starts = [0, *(m.end() for m in _LSP_BREAK.finditer(text))]

    def _line_end(self, line: int) -> int:
        """The offset of the line break that ends LSP line ``line`` (or of the text's end)."""
        if line + 1 < len(self._lsp_starts):
            following = self._lsp_starts[line + 1]
            return following - (2 if self.text[following - 2 : following] == "\r\n" else 1)
        return len(self.text)

    def offset(self, line: int, column: int) -> int:
        """The offset in the editor's text of celint's 1-based ``line`` and ``column``, held to
        that line (a column past its end means its end)."""
        starts = self._celint_starts
        if line > len(starts):
            return len(self.text)
        start = starts[max(line, 1) - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text) - self._shift
        return self._shift + min(start + max(column, 1) - 1, end)

    def lsp(self, offset: int) -> tuple[int, int]:
        """The 0-based LSP line and character (in code units) of an offset in the text."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._lsp_starts, offset) - 1
        start = self._lsp_starts[line]
        offset = min(offset, self._line_end(line))
        return line, units(self.text[start:offset], self.encoding)

    def span(self, span: Span | None) -> tuple[tuple[int, int], tuple[int, int]]:
        """A finding's span as LSP start and end; no span (no position known) is the start of
        the text."""
        if span is None:
            return (0, 0), (0, 0)
        start = self.offset(span.line, span.column)
        end = max(start, self.offset(span.end_line, span.end_column))
        return self.lsp(start), self.lsp(end)

    def range(self, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """The LSP range of ``[start, end)`` in celint's offsets (which do not count a BOM):
        what a fix replaces."""
        return self.lsp(self._shift + start), self.lsp(self._shift + end)
