"""A run over many inputs: read each one, lint it, collect the reports in a stable order."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from celint.config.options import LintOptions
from celint.io.read import read_limited
from celint.io.walk import STDIN, InputError, expand
from celint.lint.engine import FileReport, check_bytes
from celint.model import Diagnostic, Severity


def _reason(path: str, error: OSError) -> str:
    if isinstance(error, FileNotFoundError) and os.path.islink(path):
        return "broken symbolic link (its target does not exist)"
    return error.strerror.lower() if error.strerror else str(error)


def read_input(path: str, limit: int, stdin_name: str | None = None) -> tuple[str, bytes]:
    """The display name and at most ``limit + 1`` bytes of one input (enough for the size
    check); ``-`` reads standard input. Whatever cannot be read is an InputError."""
    if path == STDIN:
        return stdin_name or "<stdin>", sys.stdin.buffer.read(limit + 1)
    try:
        return path, read_limited(path, limit)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {_reason(path, exc)}") from None


def lint_one(
    path: str, options: LintOptions, stdin_name: str | None = None, sources: bool = True
) -> FileReport:
    """Read and lint one input. The report keeps the source text only when it has findings and
    ``sources`` asks for it (the ``full`` and ``sarif`` formats quote it), so a run's memory
    does not grow with the number of clean files, nor with findings that are not quoted."""
    name, data = read_input(path, options.max_file_size, stdin_name)
    report = check_bytes(name, data, options)
    if not (sources and report.diagnostics):
        report.source = None
    return report


def lint_inputs(
    paths: Iterable[str],
    options: LintOptions,
    stdin_name: str | None = None,
    jobs: int = 1,
    *,
    sources: bool = True,
) -> Iterator[FileReport]:
    """One report per input, in the order given (``expand`` sorts them by path).

    ``jobs`` is the number of processes (0: automatic, see :mod:`celint.lint.parallel`); the
    reports, and so every output, are the same whatever it is. ``sources``: see
    :func:`lint_one`.
    """
    names = list(paths)
    if STDIN not in names:
        from celint.lint.parallel import lint_parallel, processes

        count = processes(jobs, len(names))
        if count > 1:
            yield from lint_parallel(names, options, count, sources)
            return
    for path in names:
        yield lint_one(path, options, stdin_name, sources)


@dataclass
class Totals:
    """What a summary line and the exit code need from a run. It is counted as the reports go
    by, so a streamed run keeps these few numbers instead of the reports."""

    files: int = 0
    files_checked: int = 0
    files_with_problems: int = 0
    fixable: int = 0
    severities: Counter[Severity] = field(default_factory=Counter)

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.files_checked += report.checked
        self.files_with_problems += bool(report.diagnostics)
        for d in report.diagnostics:
            self.severities[d.severity] += 1
            self.fixable += d.fixable

    @property
    def problems(self) -> int:
        return sum(self.severities.values())

    def count(self, severity: Severity) -> int:
        return self.severities[severity]

    def reaches(self, threshold: Severity) -> bool:
        """Whether any finding is at least as severe as ``threshold`` (the exit code's test)."""
        return any(count and severity >= threshold for severity, count in self.severities.items())


@dataclass
class RunResult:
    """Everything reporters need: the reports of checked files and the overall counts.

    After ``--fix`` or ``--diff``, ``fixed`` counts the fixes applied and ``diffs`` holds one
    unified diff per changed file; the reports describe the fixed text.
    """

    reports: list[FileReport] = field(default_factory=list)
    fixed: int = 0
    diffs: list[str] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for report in self.reports for d in report.diagnostics]

    def totals(self) -> Totals:
        """The counts of all reports, in one pass (each count used to rebuild ``diagnostics``)."""
        totals = Totals()
        for report in self.reports:
            totals.add(report)
        return totals


def run(
    paths: tuple[str, ...],
    options: LintOptions,
    stdin_name: str | None = None,
    jobs: int = 1,
    *,
    sources: bool = True,
) -> RunResult:
    """Lint every input named by ``paths`` (files, directories, ``-``) in ``jobs`` processes."""
    reports = lint_inputs(expand(paths, options), options, stdin_name, jobs, sources=sources)
    return RunResult(list(reports))


def stream(
    paths: tuple[str, ...],
    options: LintOptions,
    each: Callable[[FileReport], object],
    stdin_name: str | None = None,
    jobs: int = 1,
) -> Totals:
    """Lint like :func:`run`, but hand each report to ``each`` as it arrives and keep only the
    totals: the memory of a run then does not depend on how many files it checks."""
    totals = Totals()
    for report in lint_inputs(expand(paths, options), options, stdin_name, jobs):
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
    """Fix every input named by ``paths``; with ``write``, save each changed file atomically.

    A file that cannot be written (or changed while it was being fixed) stops the run with an
    InputError; files written before it stay fixed, each one whole.
    """
    from celint.fix.engine import fix_bytes
    from celint.io.write import write_atomic

    result = RunResult()
    for path in expand(paths, options):
        name, data = read_input(path, options.max_file_size, stdin_name)
        fixed = fix_bytes(name, data, options)
        if fixed is None:
            result.reports.append(check_bytes(name, data, options))
            continue
        if fixed.changed and write:
            if path == STDIN:
                raise InputError("--fix cannot write to standard input; use --diff")
            try:
                write_atomic(path, fixed.encoded(), data)
            except OSError as exc:
                raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        result.reports.append(fixed.report)
        result.fixed += len(fixed.applied)
        if fixed.changed:
            result.diffs.append(fixed.diff())
    return result
