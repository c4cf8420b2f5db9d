"""Did-you-mean: the closest candidate by edit distance, offered only when it is clearly closest."""

from __future__ import annotations

from collections.abc import Iterable


def distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, transpositions."""
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The one candidate clearly closest to ``word`` (case-insensitive), or None.

    Clear means: within about a third of the word's length, and strictly closer than every
    other candidate. Two equally close candidates give no suggestion rather than a guess.
    """
    needle = word.strip().lower()
    if not needle:
        return None
    scored = sorted((distance(needle, c.lower()), c) for c in candidates)
    if not scored:
        return None
    best, choice = scored[0]
    limit = max(1, min(len(needle), len(choice)) // 3)
    if best > limit:
        return None
    if len(scored) > 1 and scored[1][0] == best:
        return None
    return choice
