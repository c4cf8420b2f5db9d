"""A run over many inputs: read each one, lint it, collect the reports in a stable order."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from celint.diagnostic import Diagnostic, Severity
from celint.linter import FileReport, check_bytes
from celint.options import LintOptions
from celint.source import read_limited
from celint.walk import STDIN, InputError, expand


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


def lint_one(path: str, options: LintOptions, stdin_name: str | None = None) -> FileReport:
    """Read and lint one input. The report keeps the source text only when it has findings
    (the ``full`` and ``sarif`` formats quote it), so a run's memory does not grow with the
    number of clean files."""
    name, data = read_input(path, options.max_file_size, stdin_name)
    report = check_bytes(name, data, options)
    if not report.diagnostics:
        report.source = None
    return report


def lint_inputs(
    paths: Iterable[str], options: LintOptions, stdin_name: str | None = None, jobs: int = 1
) -> Iterator[FileReport]:
    """One report per input, in the order given (``expand`` sorts them by path).

    ``jobs`` is the number of processes (0: automatic, see :mod:`celint.parallel`); the
    reports, and so every output, are the same whatever it is.
    """
    names = list(paths)
    if STDIN not in names:
        from celint.parallel import lint_parallel, processes

        count = processes(jobs, len(names))
        if count > 1:
            yield from lint_parallel(names, options, count)
            return
    for path in names:
        yield lint_one(path, options, stdin_name)


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

    @property
    def files_checked(self) -> int:
        return sum(1 for report in self.reports if report.checked)

    @property
    def files_with_problems(self) -> int:
        return sum(1 for report in self.reports if report.diagnostics)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def fixable(self) -> int:
        return sum(1 for d in self.diagnostics if d.fixable)


def run(
    paths: tuple[str, ...], options: LintOptions, stdin_name: str | None = None, jobs: int = 1
) -> RunResult:
    """Lint every input named by ``paths`` (files, directories, ``-``) in ``jobs`` processes."""
    return RunResult(list(lint_inputs(expand(paths, options), options, stdin_name, jobs)))


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
    from celint.fix import fix_bytes
    from celint.writer import write_atomic

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
