"""Reading `event.poller.urls`: the list of resources to poll, as users actually write it.

The platform splits the value on the element's separator (`|` for QuickBooks) and polls each
piece; nothing else separates. Users write commas, spaces, semicolons, doubled separators, and
(as the reference itself does) run every resource together. This module reads the value into
its items and the separator runs between them, so that each rule can judge one kind of problem
and build a fix that changes only that problem, keeping the rest of the value as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

#: Characters people use to separate list items; any of them that is not the element's
#: separator is a separator the platform does not know.
LOOKALIKE_SEPARATORS = ",;|"


class PollerList(NamedTuple):
    """A poller value read as ``leading item sep item sep ... item trailing``.

    ``separators[i]`` is the run of separator characters between ``items[i]`` and
    ``items[i + 1]``; ``leading``/``trailing`` are the runs before the first and after the last
    item. Rebuilding with no change gives back the original text.
    """

    separator: str
    items: tuple[str, ...]
    separators: tuple[str, ...]
    leading: str = ""
    trailing: str = ""

    def text(self, items: Sequence[str] | None = None) -> str:
        """The value, with ``items`` in place of the original items when given."""
        chosen = self.items if items is None else items
        if not chosen:
            return self.leading + self.trailing
        middle = "".join(
            item + sep for item, sep in zip(chosen, (*self.separators, ""), strict=True)
        )
        return self.leading + middle + self.trailing

    def replaced(self, indexes: Iterable[int], words: Iterable[str]) -> str:
        """The value with the items at ``indexes`` replaced by ``words`` joined by the separator."""
        items = list(self.items)
        replacement = self.separator.join(words)
        for index in indexes:
            items[index] = replacement
        return self.text(items)

    def positions(self) -> dict[str, list[int]]:
        """Each distinct item with the indexes where it stands, in order of first appearance."""
        found: dict[str, list[int]] = {}
        for index, item in enumerate(self.items):
            found.setdefault(item, []).append(index)
        return found

    def without(self, indexes: Iterable[int]) -> str:
        """The value with the items at ``indexes`` removed, each with the separator before it
        (after it, for the first item), so the remaining text keeps its own separators."""
        drop = set(indexes)
        kept = [i for i in range(len(self.items)) if i not in drop]
        if not kept:
            return ""
        seps = [self.separators[i - 1] for i in kept[1:]]
        body = self.items[kept[0]] + "".join(
            sep + self.items[i] for sep, i in zip(seps, kept[1:], strict=True)
        )
        return self.leading + body + self.trailing

    def joined(self) -> str:
        """The canonical value: the items joined by the element's separator, nothing else."""
        return self.separator.join(self.items)

    def runs(self) -> list[str]:
        """Every separator run, including the leading and trailing ones (empty when absent)."""
        return [self.leading, *self.separators, self.trailing]

    def foreign_separators(self) -> list[str]:
        """The distinct characters used to separate items that are not the element's separator
        (commas, semicolons, whitespace...), in order of first appearance."""
        seen: dict[str, None] = {}
        for run in self.runs():
            for char in run.replace(self.separator, ""):
                seen.setdefault(char, None)
        return list(seen)

    def empty_segments(self) -> int:
        """How many empty items the platform would read: a doubled separator, or one at either
        end. Only meaningful when every run is made of the element's separator alone."""
        inner = sum(max(0, run.count(self.separator) - 1) for run in self.separators)
        return inner + self.leading.count(self.separator) + self.trailing.count(self.separator)

    def without_empty_segments(self) -> str:
        """The value with empty segments dropped: doubled separators become one, separators at
        either end go; every other run stays as written."""
        if not self.items:
            return ""
        runs = [self.separator if run.count(self.separator) > 1 else run for run in self.separators]
        return "".join(item + sep for item, sep in zip(self.items, (*runs, ""), strict=True))


def parse(value: str, separator: str) -> PollerList:
    """Read ``value`` into items and separator runs (runs of the separator, commas, semicolons,
    ``|`` and whitespace)."""
    pattern = re.compile(f"(?:{re.escape(separator)}|[{re.escape(LOOKALIKE_SEPARATORS)}\\s])+")
    items: list[str] = []
    runs: list[str] = []
    position = 0
    for match in pattern.finditer(value):
        runs.append(match.group())
        items.append(value[position : match.start()])
        position = match.end()
    items.append(value[position:])
    # Every run sits between two pieces; an empty first or last piece means the value starts
    # or ends with a run, which is then the leading or trailing run.
    leading = trailing = ""
    if items and items[0] == "" and runs:
        leading = runs.pop(0)
        items.pop(0)
    if items and items[-1] == "" and runs:
        trailing = runs.pop()
        items.pop()
    if items == [""]:
        items = []
    return PollerList(separator, tuple(items), tuple(runs), leading, trailing)


def describe_separator(char: str) -> str:
    """A name for a separator character, for messages (``','`` → ``commas``)."""
    names = {",": "commas", ";": "semicolons", "|": "'|'", " ": "spaces", "\t": "tabs"}
    return names.get(char, "line breaks" if char in "\r\n" else repr(char))


class Segmentation(NamedTuple):
    """The ways a run-together token splits into known resources (at most two are kept)."""

    readings: tuple[tuple[str, ...], ...]

    @property
    def unique(self) -> bool:
        return len(self.readings) == 1


def segment(token: str, resources: Iterable[str]) -> Segmentation:
    """Split ``token`` into two or more known resources, by dynamic programming.

    ``ways[i]`` counts (capped at 2) the splits of ``token[i:]`` into resources, compared
    case-insensitively; readings use the resources' own spelling. Two readings are enough to
    know that a split is ambiguous, so no more are built (the work stays linear in the length
    of the token times the number of resources, and only resources that start with the
    character at hand are tried there: a token of unknown words costs little).
    """
    lowered = token.lower()
    words = {resource.lower(): resource for resource in resources}
    starting: dict[str, list[str]] = {}
    for word in words:
        starting.setdefault(word[:1], []).append(word)
    size = len(lowered)
    ways = [0] * (size + 1)
    ways[size] = 1
    for start in range(size - 1, -1, -1):
        fitting = starting.get(lowered[start], ())
        ways[start] = min(
            2, sum(ways[start + len(w)] for w in fitting if lowered.startswith(w, start))
        )
    if ways[0] == 0 or lowered in words:
        return Segmentation(())
    readings = [_reading(lowered, words, ways, 0, None)]
    if ways[0] > 1:
        readings.append(_second_reading(lowered, words, ways, readings[0]))
    found = tuple(tuple(words[w] for w in reading) for reading in readings)
    return Segmentation(found if len(found[0]) > 1 else ())


def _choices(token: str, words: Iterable[str], ways: Sequence[int], start: int) -> list[str]:
    """The resources that can start at ``start`` and still lead to a full split, longest first."""
    fitting = [w for w in words if token.startswith(w, start) and ways[start + len(w)] > 0]
    return sorted(fitting, key=len, reverse=True)


def _reading(
    token: str, words: Iterable[str], ways: Sequence[int], start: int, first: str | None
) -> list[str]:
    """One full split from ``start``: ``first`` (when given), then the first choice each time."""
    result: list[str] = []
    position = start
    if first is not None:
        result.append(first)
        position += len(first)
    while position < len(token):
        word = _choices(token, words, ways, position)[0]
        result.append(word)
        position += len(word)
    return result


def _second_reading(
    token: str, words: Iterable[str], ways: Sequence[int], reading: list[str]
) -> list[str]:
    """A split other than ``reading``: branch at the first position that offers another choice."""
    position = 0
    for index, word in enumerate(reading):
        others = [w for w in _choices(token, words, ways, position) if w != word]
        if others:
            return reading[:index] + _reading(token, words, ways, position, others[0])
        position += len(word)
    return reading  # unreachable when ways[0] > 1: some position offers a second choice
