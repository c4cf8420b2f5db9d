"""Did-you-mean: the closest candidate by edit distance, offered only when it is clearly closest.

A suggestion is bounded whatever the input. No suggestion is further from the word than about
a third of its length, so candidates further than that are passed over as cheaply as can be
told: by their lengths, by the letters they hold (:func:`_bag_distance`, a lower bound), and in
the distance itself, which only fills the band of the table such a distance can cross and stops
when two rows exceed it. A 40 KB key or a 4,000-character time zone then costs microseconds,
not seconds, and every word gets exactly the suggestion the full distance would give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping


def distance(a: str, b: str, cutoff: int | None = None) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, transpositions.

    With ``cutoff``, a distance above it is returned as ``cutoff + 1``. Only cells within
    ``cutoff`` of the diagonal are computed (a path through any other costs more), and the
    table stops when two rows in a row exceed it (every later cell builds on one of them).
    """
    if a == b:
        return 0
    if cutoff is None:
        cutoff = max(len(a), len(b))
    over = cutoff + 1
    if abs(len(a) - len(b)) > cutoff:
        return over
    previous2: list[int] = []
    previous = [j if j <= cutoff else over for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [over] * (len(b) + 1)
        current[0] = i if i <= cutoff else over
        char, before = a[i - 1], a[i - 2] if i > 1 else ""
        for j in range(max(1, i - cutoff), min(len(b), i + cutoff) + 1):
            # comparisons rather than min(): this loop is every suggestion's cost
            cell = previous[j - 1] + (char != b[j - 1])
            if previous[j] < cell:
                cell = previous[j] + 1
            if current[j - 1] < cell:
                cell = current[j - 1] + 1
            if j > 1 and char == b[j - 2] and before == b[j - 1] and previous2[j - 2] < cell:
                cell = previous2[j - 2] + 1
            current[j] = cell if cell < over else over
        if min(current) > cutoff and min(previous) > cutoff:
            return over
        previous2, previous = previous, current
    return previous[-1]


def _bag_distance(letters: Mapping[str, int], length: int, other: str) -> int:
    """A lower bound of the distance from the word with these ``letters`` (``length`` of them)
    to ``other``: the letters one has and the other lacks, on the side with more. An edit
    changes each side's count by at most one; a transposition changes neither."""
    left = dict(letters)
    extra = 0
    for letter in other:
        count = left.get(letter, 0)
        if count:
            left[letter] = count - 1
        else:
            extra += 1
    return max(extra, length - (len(other) - extra))


def _limit(length: int) -> int:
    """How far a suggestion may be from a word of ``length`` characters: about a third."""
    return max(1, length // 3)


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The one candidate clearly closest to ``word`` (case-insensitive), or None.

    Clear means: within about a third of the shorter one's length, and strictly closer than
    every other candidate. Two equally close candidates give no suggestion rather than a guess.
    Distances are cut off at the word's own limit, which no suggestion exceeds: a candidate past
    it can neither be suggested nor tie with one that is.
    """
    needle = word.strip().lower()
    if not needle:
        return None
    cutoff = _limit(len(needle))
    letters = Counter(needle)
    scored = []
    for candidate in candidates:
        lowered = candidate.lower()
        if abs(len(lowered) - len(needle)) > cutoff:
            continue
        if _bag_distance(letters, len(needle), lowered) > cutoff:
            continue
        scored.append((distance(needle, lowered, cutoff), candidate))
    if not scored:
        return None
    best, choice = min(scored)
    if best > _limit(min(len(needle), len(choice))):
        return None
    if sum(score == best for score, _ in scored) > 1:
        return None
    return choice
