"""The unified diff of a fix (``--diff``), in time about linear in the file.

difflib's matcher finds the longest matching block and recurses on both sides of it. In an
exported array of 2,000 bodies the longest blocks are all about one body long, so it splits
off one body at a time: quadratic, 23 s for 20,000 lines. Fixes change a few lines here and
there, so the two texts are first aligned on anchors, as patience diff does: lines that occur
once in each text, in the order both agree on. Between two anchors the lines are matched in
place when there are as many on both sides (values replaced within their lines, which is what
fixes do), else by difflib on that stretch alone. Lines are celint's
(:func:`celint.model.split_lines`), each with its own break, so hunk numbers agree with the
findings'.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterator
from typing import Literal

from celint.model import split_lines

#: difflib's (tag, old start, old end, new start, new end), and a hunk's opcodes as it groups them.
Opcode = tuple[Literal["replace", "delete", "insert", "equal"], int, int, int, int]
Group = list[tuple[str, int, int, int, int]]
CONTEXT = 3


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of two texts ("" when they are equal), marking a last line without a
    line break as ``diff`` does."""
    old, new = split_lines(before, keep_breaks=True), split_lines(after, keep_breaks=True)
    hunks = [line for group in _groups(_opcodes(old, new)) for line in _hunk(group, old, new)]
    if not hunks:
        return ""
    return f"--- {path}\n+++ {path}\n" + "".join(hunks)


def _hunk(group: Group, old: list[str], new: list[str]) -> Iterator[str]:
    """One hunk: its ``@@`` header, then context, removed and added lines."""
    first, last = group[0], group[-1]
    yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
    for tag, i1, i2, j1, j2 in group:
        if tag == "equal":
            yield from (_line(" ", line) for line in old[i1:i2])
            continue
        yield from (_line("-", line) for line in old[i1:i2])
        yield from (_line("+", line) for line in new[j1:j2])


def _line(mark: str, line: str) -> str:
    if line.endswith(("\n", "\r")):
        return mark + line
    return f"{mark}{line}\n\\ No newline at end of file\n"


def _range(start: int, stop: int) -> str:
    """A hunk's line range as ``diff -u`` writes it (1-based; an empty range names the line
    before it)."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _groups(codes: list[Opcode]) -> Iterator[Group]:
    """The opcodes in hunks, with :data:`CONTEXT` lines of context, as difflib groups them."""
    matcher = _Given(codes)
    yield from matcher.get_grouped_opcodes(CONTEXT)


class _Given(difflib.SequenceMatcher[str]):
    """difflib's grouping of opcodes into hunks, over opcodes computed here."""

    def __init__(self, codes: list[Opcode]) -> None:
        super().__init__(None, [], [])
        self._codes = codes

    def get_opcodes(self) -> list[Opcode]:
        return list(self._codes)  # a copy: grouping trims the first and last in place


def _opcodes(old: list[str], new: list[str]) -> list[Opcode]:
    """The opcodes that turn ``old`` into ``new``: equal anchors, and what lies between."""
    codes: list[Opcode] = []
    i = j = 0
    for anchor_i, anchor_j in [*_anchors(old, new), (len(old), len(new))]:
        codes += _between(old, new, (i, anchor_i), (j, anchor_j))
        if anchor_i < len(old):
            codes.append(("equal", anchor_i, anchor_i + 1, anchor_j, anchor_j + 1))
        i, j = anchor_i + 1, anchor_j + 1
    return _merged(codes)


def _anchors(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """The longest run of lines unique in both texts that keeps their order in both
    (a longest increasing subsequence, by patience sorting)."""
    old_counts, new_counts = Counter(old), Counter(new)
    where = {line: j for j, line in enumerate(new) if new_counts[line] == 1}
    pairs = [
        (i, where[line]) for i, line in enumerate(old) if old_counts[line] == 1 and line in where
    ]
    tops: list[int] = []  # the smallest new index ending a run of each length
    ends: list[int] = []  # the pair index of each such run's end
    before: list[int] = []  # each pair's predecessor in its run
    for index, (_, j) in enumerate(pairs):
        length = bisect.bisect_left(tops, j)
        before.append(ends[length - 1] if length else -1)
        if length == len(tops):
            tops.append(j)
            ends.append(index)
        else:
            tops[length], ends[length] = j, index
    run = []
    index = ends[-1] if ends else -1
    while index >= 0:
        run.append(pairs[index])
        index = before[index]
    return run[::-1]


def _between(
    old: list[str], new: list[str], olds: tuple[int, int], news: tuple[int, int]
) -> list[Opcode]:
    """The opcodes of the stretch between two anchors: line by line when both sides have as
    many lines, else difflib's (on this stretch only)."""
    (i1, i2), (j1, j2) = olds, news
    if i2 - i1 == j2 - j1:
        return [
            ("equal" if old[i] == new[j] else "replace", i, i + 1, j, j + 1)
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
        ]
    matcher = difflib.SequenceMatcher(None, old[i1:i2], new[j1:j2], autojunk=False)
    return [(tag, a + i1, b + i1, c + j1, d + j1) for tag, a, b, c, d in matcher.get_opcodes()]


def _merged(codes: list[Opcode]) -> list[Opcode]:
    """Adjacent opcodes of one tag as one (a run of replaced lines shows its removed lines,
    then its added ones, as difflib shows them)."""
    merged: list[Opcode] = []
    for code in codes:
        if code[1] == code[2] and code[3] == code[4]:
            continue
        if merged and merged[-1][0] == code[0]:
            tag, i1, _, j1, _ = merged[-1]
            merged[-1] = (tag, i1, code[2], j1, code[4])
        else:
            merged.append(code)
    return merged
