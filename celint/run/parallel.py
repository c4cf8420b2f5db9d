"""Parallel linting: inputs spread over worker processes, reports back in input order.

Linting is CPU-bound Python, so threads would not help; processes do, once there are enough
files to pay for starting them. Workers are forked where the platform allows (they inherit the
imported modules, so they start in a few milliseconds) and receive only paths; each returns the
report of one file, without the source text unless it has findings. ``imap`` keeps input order,
so every output format is byte-for-byte the one ``--jobs 1`` prints.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from celint.config.options import LintOptions
from celint.model import FileReport
from celint.run.files import Needs, lint_one

if TYPE_CHECKING:
    from celint.run.cache import Cache

# Below this many files, a second process costs more than it saves. Measured on 2 cores with the
# bench corpus: starting and stopping the pool costs ~60 ms, one body ~0.5 ms, so two processes
# break even near 220 files on an idle machine (and never on one whose cores are all busy).
AUTO_THRESHOLD = 300
WARM_LIMIT = 8
# What every worker lints with; set by the pool's initializer before the first path arrives.
_setup: tuple[LintOptions, Needs, Cache | None] = (LintOptions(), Needs(), None)


def cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def processes(jobs: int, files: int) -> int:
    """How many processes to lint ``files`` inputs with: ``jobs`` when it is positive, else
    one per core when there are at least :data:`AUTO_THRESHOLD` files; never more than files."""
    wanted = jobs if jobs > 0 else (cores() if files >= AUTO_THRESHOLD else 1)
    return max(1, min(wanted, files))


def _start(options: LintOptions, needs: Needs, cache: Cache | None) -> None:
    global _setup
    _setup = options, needs, cache


def _lint(path: str) -> FileReport:
    options, needs, cache = _setup
    return lint_one(path, options, needs=needs, cache=cache)


def _warm_count(paths: Sequence[str]) -> int:
    """How many leading inputs the parent lints before forking: up to the first JSON and the
    first YAML among the first :data:`WARM_LIMIT`. Linting them loads the rule modules, the
    schema gates and that format's parser, which every worker then inherits instead of loading
    them again."""
    from celint.lint.engine import JSON_SUFFIXES

    kinds: set[bool] = set()
    for index, path in enumerate(paths[:WARM_LIMIT]):
        kinds.add(path.lower().endswith(JSON_SUFFIXES))
        if len(kinds) == 2:
            return index + 1
    return 1


def lint_parallel(
    paths: Sequence[str], options: LintOptions, count: int, needs: Needs, cache: Cache | None
) -> Iterator[FileReport]:
    """The reports of ``paths``, in order, linted by ``count`` worker processes (``needs``,
    ``cache``: see :func:`celint.run.files.lint_one`)."""
    import multiprocessing  # here, not at the top: one-process runs never pay its ~5 ms

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    warm = _warm_count(paths)
    for path in paths[:warm]:
        yield lint_one(path, options, needs=needs, cache=cache)
    rest = paths[warm:]
    chunk = max(1, min(64, len(rest) // (count * 8)))
    with context.Pool(count, initializer=_start, initargs=(options, needs, cache)) as pool:
        yield from pool.imap(_lint, rest, chunksize=chunk)
