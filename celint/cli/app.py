"""How a check run goes: the run mode (streamed, collected whole, fixed), the report, the exit.

The click commands only gather options into a :class:`CheckRequest`; everything a run decides
(which configuration, which mode, what the reporters need, baselines, the exit code) is here,
so the same run can be driven from a test or another front end without click's parsing.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TextIO

from celint.config.files import Config, resolve
from celint.config.options import LintOptions
from celint.errors import UsageError
from celint.model import FileReport, Rule, RunResult, Severity, Totals
from celint.report import DESCRIBING_FIXES, QUOTING, ReportSettings, Streamer, renderer, streamer
from celint.run.files import Needs

if TYPE_CHECKING:
    from celint.run.cache import Cache

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class CheckRequest:
    """Everything ``celint check`` was asked, as the options name it."""

    paths: tuple[str, ...] = ()
    output_format: str = "text"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    exit_zero: bool = False
    all_documents: bool = False
    stdin_filename: str | None = None
    color: bool | None = None
    fix: bool = False
    diff: bool = False
    use_env: bool = False
    config_file: str | None = None
    no_config: bool = False
    no_cache: bool = False
    statistics: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    jobs: int = 0
    quiet: bool = False
    verbose: bool = False

    @property
    def whole_run(self) -> bool:
        """Whether the run must be collected before printing: fixes and diffs, statistics,
        baselines, and ``-v`` (which says why each file was linted or skipped, before the
        findings)."""
        return (
            self.fix
            or self.diff
            or self.statistics
            or self.verbose
            or self.baseline is not None
            or self.write_baseline is not None
        )

    @property
    def needs(self) -> Needs:
        """What the chosen format needs of each file beyond its diagnostics."""
        shown = not self.statistics
        return Needs(
            quote=shown and self.output_format in QUOTING,
            fixes=shown and self.output_format in DESCRIBING_FIXES,
        )


def run_check(request: CheckRequest) -> int:
    """Run ``celint check`` and return its exit code."""
    from celint.run.batch import fix_run, run

    config = configuration(request.config_file, request.no_config)
    options = config.options(
        select=selectors(request.select) if request.select else None,
        ignore=selectors(request.ignore) if request.ignore else None,
        all_documents=request.all_documents,
        environment=dict(os.environ) if request.use_env else None,
    )
    settings = ReportSettings(
        color=use_color(request.color), quiet=request.quiet, verbose=request.verbose
    )
    inputs = request.paths or (".",)
    printer = None if request.whole_run else streamer(request.output_format)
    cache = None if request.no_cache else _cache(config, options, request)
    if printer is not None:
        totals = _stream_run(printer, inputs, options, settings, request, cache)
    else:
        if request.fix or request.diff:
            result = fix_run(inputs, options, request.stdin_filename, write=not request.diff)
        else:
            result = run(
                inputs,
                options,
                request.stdin_filename,
                request.jobs,
                needs=request.needs,
                cache=cache,
            )
        if request.diff:
            return _print_diff(result, request)
        totals = _report_run(result, request, settings)
    threshold = Severity.parse(request.fail_on) if request.fail_on else config.fail_on
    failed = totals.reaches(threshold or Severity.WARNING)
    return EXIT_FINDINGS if failed and not request.exit_zero else EXIT_OK


def run_validate(paths: tuple[str, ...]) -> int:
    """``celint validate``: errors only, one line each; exit 1 when there is any."""
    from celint.report.text import line
    from celint.run.batch import stream

    def each(report: FileReport) -> None:
        for d in report.diagnostics:
            if d.severity == Severity.ERROR:
                write(line(d) + "\n")

    options = configuration(None, False).options()
    totals = stream(paths or (".",), options, each)
    return EXIT_FINDINGS if totals.count(Severity.ERROR) else EXIT_OK


def _cache(config: Config, options: LintOptions, request: CheckRequest) -> Cache | None:
    """The cache of a lint run: ``cache-dir`` or ``.celint_cache`` in the current folder. Fixes
    and diffs never read it (they lint the text they change), nor does ``--env``."""
    if request.fix or request.diff:
        return None
    from celint.run.cache import CACHE_DIR, open_cache

    return open_cache(config.cache_dir or CACHE_DIR, options, request.needs)


def _stream_run(
    printer: Streamer,
    inputs: tuple[str, ...],
    options: LintOptions,
    settings: ReportSettings,
    request: CheckRequest,
    cache: Cache | None,
) -> Totals:
    """Print each file's findings as its report arrives, then the footer; keep only totals."""
    from celint.run.batch import stream

    def each(report: FileReport) -> None:
        echo(printer.file_text(report, settings), settings)

    totals = stream(
        inputs,
        options,
        each,
        request.stdin_filename,
        request.jobs,
        needs=request.needs,
        cache=cache,
    )
    echo(printer.footer(totals, settings), settings)
    return totals


def _report_run(result: RunResult, request: CheckRequest, settings: ReportSettings) -> Totals:
    """Print a run collected whole: why each file was linted or skipped (``-v``), then the
    findings that the baseline leaves, in the chosen format or as statistics."""
    if request.verbose:
        _print_reasons(result)
    result = _baselined(result, request.baseline, request.write_baseline)
    settings = replace(settings, fixed=result.fixed, rules=_rules(request.output_format))
    if request.statistics:
        from celint.report.statistics import render

        echo(render(result, settings, request.output_format), settings)
    else:
        echo(renderer(request.output_format)(result, settings), settings)
    return result.totals()


def _print_reasons(result: RunResult) -> None:
    """``-v``: every file, whether it was linted or skipped, and why."""
    for report in result.reports:
        if report.skipped_reason:
            write(f"celint: skipped {report.path}: {report.skipped_reason}\n", err=True)
        elif report.linted_reason:
            write(f"celint: linted {report.path}: {report.linted_reason}\n", err=True)


def _rules(output_format: str) -> tuple[Rule, ...]:
    """The rule table for formats that describe every rule (only they pay for loading it)."""
    if output_format not in DESCRIBING_FIXES:
        return ()
    from celint.rules import all_rules

    return all_rules()


def echo(text: str, settings: ReportSettings) -> None:
    """Print output as it is, coloured or not; nothing at all for an empty part (a clean file)."""
    if text:
        write(text, color=settings.color)


def write(text: str, *, err: bool = False, color: bool | None = None) -> None:
    """Write ``text`` to stdout (``err``: stderr) and flush, as ``click.echo`` does, without
    importing click: colour codes are removed unless ``color`` (None: unless the stream is a
    terminal), and a stream that can only write ASCII (a misconfigured locale) is given UTF-8,
    with a replacement for what cannot be encoded, rather than failing the run."""
    stream: TextIO | None = sys.stderr if err else sys.stdout
    if stream is None:
        return
    if "\x1b" in text and not (stream.isatty() if color is None else color):
        text = re.sub(r"\033\[[;?0-9]*[a-zA-Z]", "", text)
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and _is_ascii(getattr(stream, "encoding", None) or "ascii"):
        stream.flush()
        buffer.write(text.encode("utf-8", "replace"))
        buffer.flush()
        return
    stream.write(text)
    stream.flush()


def _is_ascii(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False


def configuration(config_file: str | None, no_config: bool) -> Config:
    """The configuration of a run (a bad file raises ConfigError naming the key)."""
    if config_file is not None and no_config:
        raise UsageError("--config and --no-config cannot be used together")
    return resolve(config_file, no_config)


def selectors(values: Iterable[str]) -> tuple[str, ...]:
    """``--select``/``--ignore`` words (comma-separated, repeatable) as code prefixes."""
    from celint.rules import resolve_selector

    words = [part for value in values for part in value.split(",") if part.strip()]
    try:
        return tuple(resolve_selector(word) for word in words)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def use_color(choice: bool | None) -> bool:
    """``--color``/``--no-color`` win; otherwise colour on a terminal unless NO_COLOR is set."""
    if choice is not None:
        return choice
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _baselined(result: RunResult, baseline: str | None, write_to: str | None) -> RunResult:
    """``--write-baseline`` records the findings (and the run then reports against it);
    ``--baseline`` drops the recorded ones."""
    from celint.run import baseline as baselines

    if write_to is not None:
        count = baselines.write(result, write_to)
        write(f"celint: wrote {count} findings to the baseline {write_to}\n", err=True)
        baseline = write_to
    if baseline is None:
        return result
    return baselines.apply(result, baselines.load(baseline), baseline)


def _print_diff(result: RunResult, request: CheckRequest) -> int:
    """``--diff``: the diffs on stdout, a count on stderr; exit 1 when anything would change."""
    from celint.report.text import plural

    if request.verbose:
        _print_reasons(result)
    write("".join(result.diffs))
    sys.stdout.flush()  # the diff ends before the summary, even when both go to one pipe
    if not request.quiet:
        summary = (
            f"Would fix {plural(result.fixed, 'problem')} in {plural(len(result.diffs), 'file')}."
        )
        write(summary + "\n", err=True)
    return EXIT_FINDINGS if result.diffs else EXIT_OK
