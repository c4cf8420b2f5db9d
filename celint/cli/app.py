"""How a check run goes: the run mode (streamed, collected whole, fixed), the reports, the exit.

The click commands only gather options into a :class:`CheckRequest`; everything a run decides
(which configuration, which mode, what the reporters need, where each report goes, baselines,
the exit code) is here, so the same run can be driven from a test or another front end without
click's parsing.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple, TextIO

from celint.cli.outputs import Output, check_distinct, parse_spec, write_report
from celint.config.files import Config, resolve
from celint.config.options import LintOptions
from celint.errors import UsageError
from celint.io.walk import STDIN
from celint.model import AppliedFix, FileReport, Rule, RunResult, Severity, Totals
from celint.report import DESCRIBING_FIXES, QUOTING, ReportSettings, Streamer, renderer, streamer
from celint.run.files import Needs

if TYPE_CHECKING:
    from celint.run.cache import Cache

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: The formats ``--statistics`` has a place in: the text table, or JSON's ``statistics``.
STATISTICS_FORMATS = ("text", "json")
#: The formats a person reads on the terminal; ``--show-fixes`` joins them on stdout.
HUMAN_FORMATS = frozenset({"text", "full"})


class CheckRequest(NamedTuple):
    """Everything ``celint check`` was asked, as the options name it."""

    paths: tuple[str, ...] = ()
    output_format: str = "text"
    output_file: str | None = None
    output_formats: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    exit_zero: bool = False
    all_documents: bool = False
    stdin_filename: str | None = None
    color: bool | None = None
    fix: bool = False
    diff: bool = False
    show_fixes: bool = False
    exit_non_zero_on_fix: bool = False
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
    def extra_outputs(self) -> tuple[Output, ...]:
        """The ``--output-format FORMAT:FILE`` reports, written besides the main one."""
        return tuple(parse_spec(spec) for spec in self.output_formats)

    @property
    def main_output(self) -> Output:
        """The ``--format`` report: to ``-o FILE``, else to the terminal."""
        return Output(self.output_format, self.output_file)

    @property
    def fixes_stdin(self) -> bool:
        """``--fix -``: standard output carries the fixed text, so the report goes to stderr."""
        return self.fix and STDIN in self.paths

    @property
    def whole_run(self) -> bool:
        """Whether the run must be collected before printing: fixes and diffs, statistics,
        baselines, report files, and ``-v`` (which says why each file was linted or skipped,
        before the findings)."""
        return (
            self.fix
            or self.diff
            or self.statistics
            or self.verbose
            or self.baseline is not None
            or self.write_baseline is not None
            or self.output_file is not None
            or bool(self.output_formats)
        )

    @property
    def shown_formats(self) -> frozenset[str]:
        """The formats that list findings: the extra reports, and the main one unless it is
        replaced by ``--statistics``."""
        extra = {output.output_format for output in self.extra_outputs}
        return frozenset(extra if self.statistics else {*extra, self.output_format})

    @property
    def needs(self) -> Needs:
        """What the chosen formats need of each file beyond its diagnostics."""
        return Needs(
            quote=bool(self.shown_formats & QUOTING),
            fixes=bool(self.shown_formats & DESCRIBING_FIXES),
        )

    def check_usage(self) -> None:
        """Options that cannot go together: a usage error (exit 2) before anything runs."""
        if self.statistics and self.output_format not in STATISTICS_FORMATS:
            raise UsageError(
                f"--statistics has no place in --format {self.output_format}; use --format "
                "text or json (or write the findings with --output-format FORMAT:FILE)"
            )
        for flag, given in (
            ("--show-fixes", self.show_fixes),
            ("--exit-non-zero-on-fix", self.exit_non_zero_on_fix),
        ):
            if given and not self.fix:
                raise UsageError(f"{flag} reports what --fix applied; add --fix")
        if self.exit_zero and self.exit_non_zero_on_fix:
            raise UsageError("--exit-zero and --exit-non-zero-on-fix cannot be used together")
        if self.diff and (self.output_file is not None or self.output_formats):
            raise UsageError("--diff prints a diff, not a report; drop -o/--output-format")
        check_distinct((self.main_output, *self.extra_outputs))


def run_check(request: CheckRequest) -> int:
    """Run ``celint check`` and return its exit code."""
    from celint.run.batch import fix_run, run

    request.check_usage()
    config = configuration(request.config_file, request.no_config)
    options = config.options(
        select=selectors(request.select) if request.select else None,
        ignore=selectors(request.ignore) if request.ignore else None,
        extend_select=selectors(request.extend_select),
        extend_ignore=selectors(request.extend_ignore),
        all_documents=request.all_documents,
        environment=dict(os.environ) if request.use_env else None,
    )
    threshold = Severity.parse(request.fail_on) if request.fail_on else config.fail_on
    settings = ReportSettings(
        color=use_color(request.color),
        quiet=request.quiet,
        verbose=request.verbose,
        fail_on=threshold or Severity.WARNING,
    )
    inputs = request.paths or (".",)
    printer = None if request.whole_run else streamer(request.output_format)
    cache = None if request.no_cache else _cache(config, options, request)
    fixed = 0
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
        totals, fixed = _report_run(result, request, settings), result.fixed
        if result.refused:
            for reason in result.refused:
                write(f"celint: error: {reason}\n", err=True)
            return EXIT_ERROR
    failed = totals.reaches(settings.fail_on) and not request.exit_zero
    return EXIT_FINDINGS if failed or (request.exit_non_zero_on_fix and fixed) else EXIT_OK


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
    """Report a run collected whole: why each file was linted or skipped (``-v``), the fixed
    text of standard
    input (``--fix -``), the applied fixes (``--show-fixes``), then every report of the
    findings the baseline leaves, each where it goes."""
    if request.verbose:
        _print_reasons(result)
    result = _baselined(result, request)
    if result.stdin_text is not None:
        sys.stdout.buffer.write(result.stdin_text)
        sys.stdout.flush()
    settings = settings._replace(
        fixed=result.fixed,
        baselined=result.baselined,
        rules=_rules(request.shown_formats),
    )
    to_stderr = request.fixes_stdin
    if request.show_fixes:
        beside = request.output_format in HUMAN_FORMATS and request.output_file is None
        _print_fixes(result.applied, err=to_stderr or not beside)
    _deliver(request.main_output, _render_main(result, request, settings), settings, to_stderr)
    for output in request.extra_outputs:
        text = renderer(output.output_format)(result, _uncoloured(settings))
        _deliver(output, text, settings)
    return result.totals()


def _render_main(result: RunResult, request: CheckRequest, settings: ReportSettings) -> str:
    """The ``--format`` report, or the per-rule counts in that format with ``--statistics``."""
    if request.output_file is not None:
        settings = _uncoloured(settings)
    if not request.statistics:
        return renderer(request.output_format)(result, settings)
    from celint.report.statistics import render

    return render(result, settings, request.output_format)


def _deliver(output: Output, text: str, settings: ReportSettings, err: bool = False) -> None:
    """A report to its file (written whole), or to the terminal."""
    if output.path is None:
        echo(text, settings, err=err)
    else:
        write_report(output.path, text)


def _uncoloured(settings: ReportSettings) -> ReportSettings:
    """Files never hold colour codes, whatever the terminal gets."""
    return settings._replace(color=False)


def _print_reasons(result: RunResult) -> None:
    """``-v``: every file, whether it was linted or skipped, and why."""
    for report in result.reports:
        if report.skipped_reason:
            write(f"celint: skipped {report.path}: {report.skipped_reason}\n", err=True)
        elif report.linted_reason:
            write(f"celint: linted {report.path}: {report.linted_reason}\n", err=True)


def _print_fixes(applied: Iterable[AppliedFix], err: bool) -> None:
    """``--show-fixes``: one line per applied fix, the value's text before and after (secret
    values masked). Beside a text report on stdout; on stderr when stdout holds a machine
    format or the fixed text of standard input."""
    for fix in applied:
        where = f"{fix.path}:{fix.line}:{fix.column}:"
        write(f"{where} {fix.code} fixed ({fix.rule}): {fix.before} → {fix.after}\n", err=err)


def _rules(formats: frozenset[str]) -> tuple[Rule, ...]:
    """The rule table for formats that describe every rule (only they pay for loading it)."""
    if not formats & DESCRIBING_FIXES:
        return ()
    from celint.rules import all_rules

    return all_rules()


def echo(text: str, settings: ReportSettings, err: bool = False) -> None:
    """Print output as it is, coloured or not; nothing at all for an empty part (a clean file)."""
    if text:
        write(text, err=err, color=settings.color)


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
    """``--color``/``--no-color`` win; then ``NO_COLOR`` turns colour off and ``FORCE_COLOR``
    on (CI logs that render colour set it, though stdout is not a terminal); otherwise colour
    on a terminal. An empty variable counts as unset, as both conventions say, and NO_COLOR
    wins over FORCE_COLOR, as in CPython's own ``_colorize``."""
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def _baselined(result: RunResult, request: CheckRequest) -> RunResult:
    """``--baseline`` drops the recorded findings (``-v`` lists the entries that matched
    nothing); ``--write-baseline`` alone records the findings, and the run then reports against
    them. Both together prune: the new file keeps the read entries that still match, and no new
    finding."""
    from celint.report.text import plural
    from celint.run import baseline as baselines

    read, prune_to = request.baseline, request.write_baseline
    if read is None and prune_to is not None:
        count = baselines.write(result, prune_to)
        write(f"celint: wrote {count} findings to the baseline {prune_to}\n", err=True)
        read, prune_to = prune_to, None
    if read is None:
        return result
    applied = baselines.apply(result, baselines.load(read), read)
    stale = applied.shown.stale
    stale_entries = plural(len(stale), "stale entry", "stale entries")
    if request.verbose:
        for path, code, pointer in stale:
            write(f"celint: {read}: stale entry {path} {code} {pointer}\n", err=True)
        if stale and prune_to is None:
            hint = f"--baseline {read} --write-baseline {read}"
            write(
                f"celint: {plural(len(stale), 'stale entry', 'stale entries')}; prune with {hint}"
                + "\n",
                err=True,
            )
    if prune_to is not None:
        count = baselines.write(applied.hidden, prune_to)
        write(
            f"celint: wrote {count} findings to the baseline {prune_to} "
            f"({stale_entries} of {read} pruned, no new finding added)\n",
            err=True,
        )
    return applied.shown


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
