"""A run over many inputs: read each one, lint it, collect the reports in a stable order."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from celint.diagnostic import Diagnostic, Severity
from celint.linter import FileReport, check_bytes
from celint.options import LintOptions
from celint.walk import STDIN, expand


class InputError(OSError):
    """An input that cannot be read at all (permission, a directory, a FIFO): exit 2."""


def read_input(path: str, stdin_name: str | None = None) -> tuple[str, bytes]:
    """The display name and bytes of one input; ``-`` reads standard input."""
    if path == STDIN:
        return stdin_name or "<stdin>", sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return path, handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def lint_inputs(
    paths: Iterable[str], options: LintOptions, stdin_name: str | None = None
) -> Iterator[FileReport]:
    """One report per input, in the order given (``expand`` sorts directory contents)."""
    for path in paths:
        name, data = read_input(path, stdin_name)
        yield check_bytes(name, data, options)


@dataclass
class RunResult:
    """Everything reporters need: the reports of checked files and the overall counts."""

    reports: list[FileReport] = field(default_factory=list)

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


def run(paths: tuple[str, ...], options: LintOptions, stdin_name: str | None = None) -> RunResult:
    """Lint every input named by ``paths`` (files, directories, ``-``)."""
    return RunResult(list(lint_inputs(expand(paths), options, stdin_name)))
