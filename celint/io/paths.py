"""Paths as CI systems want them: relative to a base folder, with forward slashes."""

from __future__ import annotations

import os
from pathlib import Path


def relative(path: str, base: str | os.PathLike[str] | None = None) -> str:
    """``path`` relative to ``base`` (the current folder by default), with ``/`` separators.

    Code scanning, annotations and code-quality reports resolve paths against the checkout root,
    which is where CI runs celint; a path outside ``base`` keeps its ``..`` steps.
    """
    start = os.path.abspath(base if base is not None else os.curdir)
    try:
        found = os.path.relpath(os.path.abspath(path), start)
    except ValueError:  # another drive on Windows: no relative form exists
        found = os.path.abspath(path)
    return Path(found).as_posix()
