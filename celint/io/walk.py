"""Which files a run looks at: the paths given, with directories recursed for JSON and YAML."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from celint.config.options import DEFAULT_OPTIONS, LintOptions
from celint.config.patterns import any_match
from celint.errors import InputError, PathMissing

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
        ".celint_cache",
        "build",
        "dist",
    }
)
STDIN = "-"


def _unreadable_directory(error: OSError) -> None:
    """``os.walk`` skips a folder it cannot list; a linter that silently checks less than it
    was asked to would pass a commit it should not."""
    reason = error.strerror.lower() if error.strerror else str(error)
    raise InputError(f"{error.filename}: cannot read directory: {reason}")


def _is_venv(directory: Path) -> bool:
    """Whether ``directory`` holds a virtual environment. ``os.path`` rather than ``Path``:
    in a folder that cannot be searched, ``Path.is_file`` raises PermissionError, and the walk
    must go on to report that folder as unreadable."""
    return os.path.isfile(directory / "pyvenv.cfg")


def _wanted(path: str, options: LintOptions) -> bool:
    """A file found in a folder: JSON/YAML (or what ``include`` says), not excluded, and a
    regular file (a FIFO, a dangling or looping link is passed over, not an error)."""
    if options.include:
        included = any_match(options.include, path)
    else:
        included = path.lower().endswith(SUFFIXES)
    return included and not any_match(options.exclude, path) and os.path.isfile(path)


def _child(folder: str, name: str) -> str:
    """``Path(folder, name).as_posix()`` for a folder already in that form, without a Path
    per file: pathlib interns every part it parses, which kept each file name of a run."""
    return name if folder == "." else f"{folder.rstrip('/')}/{name}"


def _recurse(root: str, options: LintOptions) -> Iterator[str]:
    """Files under ``root``, never following directory links (which is what keeps a symlink
    loop from hanging the walk), skipping tool folders, venvs and excluded folders."""
    for current, dirs, files in os.walk(root, onerror=_unreadable_directory):
        here = Path(current)
        folder = here.as_posix()
        dirs[:] = [
            d
            for d in dirs
            if d not in SKIP_DIRS
            and not _is_venv(here / d)
            and not any_match(options.exclude, _child(folder, d))
        ]
        yield from (path for name in files if _wanted(path := _child(folder, name), options))


def _key(path: str) -> str:
    """The path's normal form, as the very same string when it already is one, so that 10,000
    inputs take one string each while they are sorted, not two."""
    normal = os.path.normpath(path)
    return path if normal == path else normal


def expand(paths: tuple[str, ...], options: LintOptions = DEFAULT_OPTIONS) -> list[str]:
    """The inputs of a run, each once, sorted by path. Files named directly are taken whatever
    their suffix unless ``exclude`` matches them; ``-`` stands for standard input."""
    found: dict[str, str] = {}
    for raw in paths:
        if raw == STDIN:
            found.setdefault(STDIN, STDIN)
            continue
        if os.path.isdir(raw):
            for name in _recurse(raw, options):
                found.setdefault(_key(name), name)
        elif not os.path.lexists(raw):
            raise PathMissing(f"{raw}: no such file or directory")
        elif not any_match(options.exclude, raw):
            found.setdefault(_key(raw), raw)
    return [found[key] for key in sorted(found)]
