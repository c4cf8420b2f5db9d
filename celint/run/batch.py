"""A run over many inputs: lint (or fix) each one, collect or stream the reports in input order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from celint.config.options import LintOptions
from celint.errors import InputError
from celint.io.walk import STDIN, expand
from celint.model import FileReport, RunResult, Totals
from celint.run.files import NOTHING, Needs, from_cache, lint_one, read_input, rest_of_stdin

if TYPE_CHECKING:
    from celint.run.cache import Cache


def lint_inputs(
    paths: Iterable[str],
    options: LintOptions,
    stdin_name: str | None = None,
    jobs: int = 1,
    *,
    needs: Needs = NOTHING,
    cache: Cache | None = None,
) -> Iterator[FileReport]:
    """One report per input, in the order given (``expand`` sorts them by path).

    ``jobs`` is the number of processes (0: automatic, see :mod:`celint.run.parallel`); the
    reports, and so every output, are the same whatever it is. ``needs``: see
    :class:`~celint.run.files.Needs`; ``cache``: see :func:`~celint.run.files.lint_one`.
    """
    names = list(paths)
    if STDIN not in names:
        from celint.run.parallel import AUTO_THRESHOLD, lint_parallel, processes

        if processes(jobs, len(names)) > 1:
            hits = {} if cache is None else _cached(names, options, cache, AUTO_THRESHOLD)
            rest = [path for index, path in enumerate(names) if index not in hits]
            count = processes(jobs, len(rest))
            linted = (
                lint_parallel(rest, options, count, needs, cache)
                if count > 1
                else (lint_one(path, options, None, needs, cache) for path in rest)
            )
            for index in range(len(names)):
                yield hits[index] if index in hits else next(linted)
            return
    for path in names:
        yield lint_one(path, options, stdin_name, needs, cache)


def _cached(
    names: list[str], options: LintOptions, cache: Cache, misses: int
) -> dict[int, FileReport]:
    """The reports the cache holds for the leading inputs, by index, looked up until
    ``misses`` inputs were not there. A run whose files are nearly all in the cache then starts
    no worker processes (which cost more than replaying a thousand entries), and a cold run
    pays for at most ``misses`` lookups before its workers start (they look up the rest)."""
    hits: dict[int, FileReport] = {}
    missed = 0
    for index, path in enumerate(names):
        report = from_cache(path, options, cache)
        if report is not None:
            hits[index] = report
            continue
        missed += 1
        if missed >= misses:
            break
    return hits


def run(
    paths: tuple[str, ...],
    options: LintOptions,
    stdin_name: str | None = None,
    jobs: int = 1,
    *,
    needs: Needs = NOTHING,
    cache: Cache | None = None,
) -> RunResult:
    """Lint every input named by ``paths`` (files, directories, ``-``) in ``jobs`` processes."""
    found = lint_inputs(expand(paths, options), options, stdin_name, jobs, needs=needs, cache=cache)
    return RunResult(list(found))


def stream(
    paths: tuple[str, ...],
    options: LintOptions,
    each: Callable[[FileReport], object],
    stdin_name: str | None = None,
    jobs: int = 1,
    *,
    needs: Needs = NOTHING,
    cache: Cache | None = None,
) -> Totals:
    """Lint like :func:`run`, but hand each report to ``each`` as it arrives and keep only the
    totals: the memory of a run then does not depend on how many files it checks."""
    totals = Totals()
    found = lint_inputs(expand(paths, options), options, stdin_name, jobs, needs=needs, cache=cache)
    for report in found:
        totals.add(report)
        each(report)
    return totals


def fix_run(
    paths: tuple[str, ...],
    options: LintOptions,
    stdin_name: str | None = None,
    *,
    write: bool,
) -> RunResult:
    """Fix every input named by ``paths``; with ``write``, save each changed file atomically,
    and keep standard input's text, fixed or not, in ``stdin_text`` (``--fix -`` prints it).

    A file celint will not replace (read-only, hard-linked) is left as it is and reported as
    it is, its reason in ``result.refused``; the run goes on. A file that cannot be written (or
    changed while it was being fixed) stops the run with an InputError; files written before it
    stay fixed, each one whole.
    """
    from celint.fix.engine import fix_bytes
    from celint.io.write import WriteRefused, write_atomic
    from celint.lint.engine import check_bytes

    result = RunResult()
    for path in expand(paths, options):
        name, data = read_input(path, options.max_file_size, stdin_name)
        fixed = fix_bytes(name, data, options)
        if write and path == STDIN:
            # Unfixable input (not text, over the size limit) goes through whole, as it came.
            result.stdin_text = rest_of_stdin(data) if fixed is None else fixed.encoded()
        if fixed is None:
            result.reports.append(check_bytes(name, data, options))
            continue
        if fixed.changed and write and path != STDIN:
            try:
                write_atomic(path, fixed.encoded(), data)
            except WriteRefused as exc:
                result.refused.append(f"{path}: {exc}")
                result.reports.append(check_bytes(name, data, options))
                continue
            except OSError as exc:
                raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        result.reports.append(fixed.report)
        result.fixed += len(fixed.applied)
        result.applied.extend(fixed.shown)
        if fixed.changed:
            result.diffs.append(fixed.diff())
    return result
