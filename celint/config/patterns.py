"""Path patterns of the configuration (``include``, ``exclude``, ``per-file-ignores``).

A pattern is anchored at the folder of the configuration file that names it, so it means the
same whichever folder celint runs from. Like ``.gitignore``: a pattern without ``/`` matches the
file's name or the name of any folder on its way (``fixtures``, ``*.generated.json``); a pattern
with ``/`` matches the path from the anchor (``legacy/*.json``, ``tests/fixtures``), and matches
everything below a folder it names. ``*`` also crosses ``/``. A file outside the anchor folder
can only match by its name.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import NamedTuple

from celint.model import relative


class PathPattern(NamedTuple):
    """One glob and the absolute folder it is relative to."""

    pattern: str
    root: str

    def matches(self, path: str) -> bool:
        """True when ``path`` (as named on the command line or found by the walk) matches."""
        rel = relative(path, self.root)
        glob = self.pattern.strip("/")
        if rel == ".." or rel.startswith("../"):
            return "/" not in glob and fnmatchcase(rel.rsplit("/", 1)[-1], glob)
        parts = rel.split("/")
        if "/" not in glob:
            return any(fnmatchcase(part, glob) for part in parts)
        return any(fnmatchcase("/".join(parts[:n]), glob) for n in range(1, len(parts) + 1))


def any_match(patterns: tuple[PathPattern, ...], path: str) -> bool:
    return any(pattern.matches(path) for pattern in patterns)
