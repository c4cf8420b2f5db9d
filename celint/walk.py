"""Which files a run looks at: the paths given, with directories recursed for JSON and YAML."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

SUFFIXES = (".json", ".yaml", ".yml")
SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "__pycache__",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        "build",
        "dist",
    }
)
STDIN = "-"


class PathMissing(FileNotFoundError):
    """A path named on the command line does not exist (exit 2)."""


def _is_venv(directory: Path) -> bool:
    return (directory / "pyvenv.cfg").is_file()


def _recurse(root: Path) -> Iterator[str]:
    """Files under ``root`` with a JSON/YAML suffix, sorted, never following directory links
    (which is what keeps a symlink loop from hanging the walk)."""
    for current, dirs, files in os.walk(root):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not _is_venv(here / d))
        for name in sorted(files):
            if name.lower().endswith(SUFFIXES):
                yield (here / name).as_posix()


def expand(paths: tuple[str, ...]) -> Iterator[str]:
    """Files named directly are taken whatever their suffix; ``-`` stands for standard input."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _recurse(path)
        elif path.exists() or path.is_symlink():
            yield raw
        else:
            raise PathMissing(raw)
