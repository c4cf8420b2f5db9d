"""Which files a run looks at: the paths given, with directories recursed for JSON and YAML."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from celint.globs import any_match
from celint.options import DEFAULT_OPTIONS, LintOptions

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


class InputError(OSError):
    """An input that cannot be read at all (permission, a FIFO, a broken link): exit 2."""


def _unreadable_directory(error: OSError) -> None:
    """``os.walk`` skips a folder it cannot list; a linter that silently checks less than it
    was asked to would pass a commit it should not."""
    reason = error.strerror.lower() if error.strerror else str(error)
    raise InputError(f"{error.filename}: cannot read directory: {reason}")


def _is_venv(directory: Path) -> bool:
    return (directory / "pyvenv.cfg").is_file()


def _wanted(path: str, options: LintOptions) -> bool:
    """A file found in a folder: JSON/YAML (or what ``include`` says), not excluded, and a
    regular file (a FIFO, a dangling or looping link is passed over, not an error)."""
    if options.include:
        included = any_match(options.include, path)
    else:
        included = path.lower().endswith(SUFFIXES)
    return included and not any_match(options.exclude, path) and os.path.isfile(path)


def _recurse(root: Path, options: LintOptions) -> Iterator[str]:
    """Files under ``root``, never following directory links (which is what keeps a symlink
    loop from hanging the walk), skipping tool folders, venvs and excluded folders."""
    for current, dirs, files in os.walk(root, onerror=_unreadable_directory):
        here = Path(current)
        dirs[:] = [
            d
            for d in dirs
            if d not in SKIP_DIRS
            and not _is_venv(here / d)
            and not any_match(options.exclude, (here / d).as_posix())
        ]
        yield from (path for name in files if _wanted(path := (here / name).as_posix(), options))


def expand(paths: tuple[str, ...], options: LintOptions = DEFAULT_OPTIONS) -> list[str]:
    """The inputs of a run, each once, sorted by path. Files named directly are taken whatever
    their suffix unless ``exclude`` matches them; ``-`` stands for standard input."""
    found: dict[str, str] = {}
    for raw in paths:
        if raw == STDIN:
            found.setdefault(STDIN, STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            for name in _recurse(path, options):
                found.setdefault(os.path.normpath(name), name)
        elif not (path.exists() or path.is_symlink()):
            raise PathMissing(f"{raw}: no such file or directory")
        elif not any_match(options.exclude, raw):
            found.setdefault(os.path.normpath(raw), raw)
    return [found[key] for key in sorted(found)]
