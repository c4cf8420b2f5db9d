"""Parallel linting: inputs spread over worker processes, reports back in input order.

Linting is CPU-bound Python, so threads would not help; processes do, once there are enough
files to pay for starting them. Workers are forked where the platform allows (they inherit the
imported modules, so they start in a few milliseconds) and receive only paths; each returns the
report of one file, without the source text unless it has findings. ``Executor.map`` keeps input
order, so every output format is byte-for-byte the one ``--jobs 1`` prints.

A worker never raises: an input it cannot read or check comes back as its error, in its place,
and the parent raises it there. (An exception raised in a worker would also lose the reports
of the files before it in the same chunk, and arrive with the parent's traceback.)

Why ``concurrent.futures`` and not ``multiprocessing.Pool``: stopping a run early (an error, or
the reader of the reports going away) made ``Pool`` terminate its workers with a signal, and a
worker killed while it held the task queue's lock left the parent waiting for that lock forever.
The executor never kills a worker: it cancels the chunks not yet started and lets the running
ones finish, and a worker that dies on its own (the out-of-memory killer) raises
``BrokenProcessPool`` here instead of hanging.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from celint.config.options import LintOptions
from celint.errors import CelintError, InternalError
from celint.model import FileReport
from celint.run.files import Needs, lint_one

if TYPE_CHECKING:
    from celint.run.cache import Cache

# The automatic default (``--jobs 0``): one process per core on a machine with MIN_CORES or
# more, from AUTO_THRESHOLD files on; one process below. Measured with ``python bench/run.py
# --jobs-sweep`` on 2 cores at load ~1.5 (medians of 5 cold rounds, ms, --jobs 1 / --jobs 2):
# 100 files 213/239, 300 303/299, 1,000 752/569, 3,000 1953/1221, 10,000 5985/3556; --jobs 2
# won every round from 1,000 files on. (An earlier sweep, made while other work kept the
# machine at load ~3, had two processes losing at every size: they win when the cores are the
# run's, as on a CI runner or a developer's machine.)
MIN_CORES = 2
# Below this many files a pool costs more than it saves: starting and stopping it costs ~60 ms,
# one body ~0.6 ms; the sweep above has the two even at 300.
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
    one per core on a machine with :data:`MIN_CORES` or more when there are at least
    :data:`AUTO_THRESHOLD` files, else one; never more than files."""
    if jobs > 0:
        wanted = jobs
    else:
        available = cores()
        wanted = available if available >= MIN_CORES and files >= AUTO_THRESHOLD else 1
    return max(1, min(wanted, files))


def _start(options: LintOptions, needs: Needs, cache: Cache | None) -> None:
    global _setup
    _setup = options, needs, cache


def _lint(path: str) -> FileReport | CelintError | InternalError:
    options, needs, cache = _setup
    try:
        return lint_one(path, options, needs=needs, cache=cache)
    except (CelintError, InternalError) as exc:
        return exc


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
    # Here, not at the top: one-process runs never pay for importing them (~10 ms).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    warm = _warm_count(paths)
    for path in paths[:warm]:
        yield lint_one(path, options, needs=needs, cache=cache)
    rest = paths[warm:]
    chunk = max(1, min(64, len(rest) // (count * 8)))
    executor = ProcessPoolExecutor(
        count,
        mp_context=multiprocessing.get_context(method),
        initializer=_start,
        initargs=(options, needs, cache),
    )
    try:
        for outcome in executor.map(_lint, rest, chunksize=chunk):
            if isinstance(outcome, Exception):
                raise outcome
            yield outcome
    except BrokenProcessPool as exc:
        raise CelintError(
            "a worker process stopped unexpectedly (out of memory?); run again with --jobs 1"
        ) from exc
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
