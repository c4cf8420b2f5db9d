"""The command line: a thin click layer that turns options into library calls and reporters."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NoReturn

import click

from celint import __version__
from celint.report import FORMATS

if TYPE_CHECKING:
    from celint.config.files import Config
    from celint.config.options import LintOptions
    from celint.lint.engine import FileReport
    from celint.lint.run import RunResult, Totals
    from celint.report import ReportSettings, Streamer

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageFailure(click.ClickException):
    """A mistake in how celint was called or what it was pointed at: one line, exit 2."""

    exit_code = EXIT_ERROR

    def show(self, file: Any = None) -> None:
        click.echo(f"celint: error: {self.format_message()}", err=True)


def _split(values: Iterable[str]) -> list[str]:
    return [part for value in values for part in value.split(",") if part.strip()]


def _selectors(values: Iterable[str]) -> tuple[str, ...]:
    from celint.rules import resolve_selector

    try:
        return tuple(resolve_selector(word) for word in _split(values))
    except ValueError as exc:
        raise UsageFailure(str(exc)) from None


def _use_color(choice: bool | None) -> bool:
    """``--color``/``--no-color`` win; otherwise colour on a terminal unless NO_COLOR is set."""
    if choice is not None:
        return choice
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="celint")
# ``--debug`` is declared here for --help and read by main(), which must honour it even when
# the error happens before click has parsed anything.
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
def cli(debug: bool) -> None:
    """Lint and validate Cloud Elements element-instance bodies (JSON or YAML).

    \b
    Examples:
      celint check instances/            lint every instance body in a folder
      celint check --format full qbo.yaml   findings with the source line
      celint explain CE208               what a rule checks and how to fix it
      celint schema --element quickbooks > qbo.schema.json
      celint init --events webhook > qbo.yaml   a commented body to start from
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(tuple(FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules: codes, names or prefixes, comma-separated (CE2,CE401).",
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (same forms).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that makes the exit code 1.  [default: warning]",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--all",
    "all_documents",
    is_flag=True,
    help="Treat every document as an instance body (no sniffing).",
)
@click.option("--stdin-filename", metavar="NAME", help="Name (and format) for input read from -.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the output (default: on a terminal, unless NO_COLOR is set).",
)
@click.option("--fix", is_flag=True, help="Apply the safe fixes, write the files, report the rest.")
@click.option(
    "--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing (exit 1 if any)."
)
@click.option(
    "--env",
    "use_env",
    is_flag=True,
    help="Substitute ${VAR} references from the environment first: lint the body as it will "
    "be posted (an unset variable is CE405; secrets are never printed).",
)
@click.option(
    "--config",
    "config_file",
    metavar="FILE",
    help="Read settings from FILE (celint.toml, or a pyproject.toml with [tool.celint]).",
)
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option("--baseline", metavar="FILE", help="Report only findings that FILE does not record.")
@click.option(
    "--write-baseline", metavar="FILE", help="Record today's findings in FILE, then report none."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Lint in N processes (0: one per core from 300 files on; same output either way).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary line.")
@click.option("-v", "--verbose", is_flag=True, help="Also say which files were skipped and why.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    all_documents: bool,
    stdin_filename: str | None,
    color: bool | None,
    fix: bool,
    diff: bool,
    config_file: str | None,
    no_config: bool,
    statistics: bool,
    baseline: str | None,
    write_baseline: str | None,
    use_env: bool,
    jobs: int,
    quiet: bool,
    verbose: bool,
) -> None:
    """Lint instance bodies in PATHS (files, folders, or - for standard input).

    Folders are searched for *.json, *.yaml and *.yml (or the configured include, minus the
    configured exclude; see --config). Files that are not instance bodies
    (package.json, a tsconfig, a Helm chart) are skipped, so the hook can see every staged file.

    \b
    Examples:
      celint check examples/
      celint check --select CE2 --format json instances/qbo.yaml
      cat body.json | celint check --stdin-filename body.json -
      celint check --diff instances/     what --fix would change
      celint check --format github --baseline .celint-baseline.json .
      celint check --env qbo.yaml        the body as posted, ${VAR}s substituted
    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
    """
    from celint.io.walk import InputError, PathMissing
    from celint.lint.run import fix_run, run
    from celint.model import Severity
    from celint.report import QUOTING, ReportSettings, streamer

    config = _config(config_file, no_config)
    options = config.options(
        select=_selectors(select) if select else None,
        ignore=_selectors(ignore) if ignore else None,
        all_documents=all_documents,
        environment=dict(os.environ) if use_env else None,
    )
    settings = ReportSettings(color=_use_color(color), quiet=quiet)
    # -v prints every skipped file before the findings, so it needs the whole run first.
    whole_run = fix or diff or statistics or verbose or baseline is not None
    printer = None if whole_run or write_baseline is not None else streamer(output_format)
    inputs = paths or (".",)
    try:
        if printer is not None:
            totals = _stream_run(printer, inputs, options, settings, stdin_filename, jobs)
        elif fix or diff:
            result = fix_run(inputs, options, stdin_filename, write=not diff)
        else:
            sources = output_format in QUOTING and not statistics
            result = run(inputs, options, stdin_filename, jobs, sources=sources)
    except (PathMissing, InputError) as exc:
        raise UsageFailure(str(exc)) from None
    if printer is None:
        totals = _report_run(
            result,
            output_format,
            settings,
            verbose=verbose,
            diff=diff,
            statistics=statistics,
            baselines=(baseline, write_baseline),
        )
    threshold = Severity.parse(fail_on) if fail_on else config.fail_on or Severity.WARNING
    failed = totals.reaches(threshold)
    _exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_OK)


def _stream_run(
    printer: Streamer,
    inputs: tuple[str, ...],
    options: LintOptions,
    settings: ReportSettings,
    stdin_name: str | None,
    jobs: int,
) -> Totals:
    """Print each file's findings as its report arrives, then the footer; keep only totals."""
    from celint.lint.run import stream

    def each(report: FileReport) -> None:
        _echo(printer.file_text(report, settings), settings)

    totals = stream(inputs, options, each, stdin_name, jobs)
    _echo(printer.footer(totals, settings), settings)
    return totals


def _report_run(
    result: RunResult,
    output_format: str,
    settings: ReportSettings,
    *,
    verbose: bool,
    diff: bool,
    statistics: bool,
    baselines: tuple[str | None, str | None],
) -> Totals:
    """Print a run collected whole: the skipped files (``-v``), the diff, then the findings
    that the baseline leaves, in ``output_format`` or as statistics."""
    from dataclasses import replace

    from celint.report import renderer

    if verbose:
        for report in result.reports:
            if report.skipped_reason:
                click.echo(f"celint: skipped {report.path}: {report.skipped_reason}", err=True)
    if diff:
        _print_diff(result.diffs, result.fixed, settings.quiet)
    result = _baselined(result, *baselines)
    settings = replace(settings, fixed=result.fixed)
    if statistics:
        from celint.report.statistics import render

        _echo(render(result, settings, output_format), settings)
    else:
        _echo(renderer(output_format)(result, settings), settings)
    return result.totals()


def _echo(text: str, settings: ReportSettings) -> None:
    """Print output as it is, coloured or not; nothing at all for an empty part (a clean file)."""
    if text:
        click.echo(text, nl=False, color=settings.color)


def _config(config_file: str | None, no_config: bool) -> Config:
    """The configuration of a run; a bad file is a usage error (exit 2) naming the key."""
    from celint.config.files import ConfigError, resolve

    if config_file is not None and no_config:
        raise UsageFailure("--config and --no-config cannot be used together")
    try:
        return resolve(config_file, no_config)
    except ConfigError as exc:
        raise UsageFailure(str(exc)) from None


def _baselined(result: RunResult, baseline: str | None, write_to: str | None) -> RunResult:
    """``--write-baseline`` records the findings (and the run then reports against it);
    ``--baseline`` drops the recorded ones."""
    from celint.lint import baseline as baselines

    if write_to is not None:
        count = baselines.write(result, write_to)
        click.echo(f"celint: wrote {count} findings to the baseline {write_to}", err=True)
        baseline = write_to
    if baseline is None:
        return result
    try:
        return baselines.apply(result, baselines.load(baseline), baseline)
    except baselines.BaselineError as exc:
        raise UsageFailure(str(exc)) from None


def _print_diff(diffs: list[str], fixes: int, quiet: bool) -> NoReturn:
    """``--diff``: the diffs on stdout, a count on stderr; exit 1 when anything would change."""
    from celint.report.text import plural

    click.echo("".join(diffs), nl=False)
    sys.stdout.flush()  # the diff ends before the summary, even when both go to one pipe
    if not quiet:
        summary = f"Would fix {plural(fixes, 'problem')} in {plural(len(diffs), 'file')}."
        click.echo(summary, err=True)
    _exit(EXIT_FINDINGS if diffs else EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
def validate(paths: tuple[str, ...]) -> None:
    """Validate instance bodies: print errors only, exit 1 if there is any.

    \b
    Example:
      celint validate instances/qbo-prod.json && curl -X POST ... -d @instances/qbo-prod.json
    """
    from celint.io.walk import InputError, PathMissing
    from celint.lint.run import stream
    from celint.model import Severity
    from celint.report.text import line

    def each(report: FileReport) -> None:
        for d in report.diagnostics:
            if d.severity == Severity.ERROR:
                click.echo(line(d))

    options = _config(None, False).options()
    try:
        totals = stream(paths or (".",), options, each)
    except (PathMissing, InputError) as exc:
        raise UsageFailure(str(exc)) from None
    _exit(EXIT_FINDINGS if totals.count(Severity.ERROR) else EXIT_OK)


@cli.command("rules")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def rules_command(output_format: str) -> None:
    """List every rule: code, name, default severity, whether --fix can fix it.

    \b
    Example:
      celint rules --format json | jq '.[] | select(.fixable)'
    """
    from celint.report.rule_docs import rules_json, rules_markdown, rules_text

    render = {"text": rules_text, "json": rules_json, "markdown": rules_markdown}[output_format]
    click.echo(render(), nl=False)


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain one rule (by code or name): what it checks, why, an example and the fix.

    \b
    Examples:
      celint explain CE208
      celint explain poller-urls-concatenated
    """
    from celint.report.rule_docs import explain_text
    from celint.rules import lookup

    found = lookup(rule)
    if found is None:
        from celint.rules import resolve_selector

        try:
            resolve_selector(rule)
            message = f"{rule!r} names several rules; give one code, such as CE201"
        except ValueError as exc:
            message = str(exc)
        raise UsageFailure(message)
    click.echo(explain_text(found), nl=False)


@cli.command()
@click.option("--element", metavar="KEY", help="The element whose schema to print (quickbooks).")
def schema(element: str | None) -> None:
    """Print a bundled JSON Schema (self-contained) for editors and other validators.

    \b
    Examples:
      celint schema > instance.schema.json
      celint schema --element quickbooks > quickbooks.schema.json
    """
    import json

    from celint.schema import registry as schemas

    path = schemas.INSTANCE
    if element is not None:
        known = schemas.element_schemas()
        if element not in known:
            from celint.suggest import closest

            guess = closest(element, known)
            hint = f"; did you mean {guess!r}?" if guess else f"; known: {', '.join(sorted(known))}"
            raise UsageFailure(f"no schema for element {element!r}{hint}")
        path = known[element]
    click.echo(json.dumps(schemas.bundle(path), indent=2, ensure_ascii=False))


@cli.command()
@click.option(
    "--element",
    default="quickbooks",
    show_default=True,
    metavar="KEY",
    help="The element key (quickbooks, or any other element's key).",
)
@click.option(
    "--events",
    type=click.Choice(["polling", "webhook", "none"]),
    default="polling",
    show_default=True,
    help="How the instance receives events.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["yaml", "json"]),
    help="Body format (default: from -o's suffix, else yaml; JSON has no comments).",
)
@click.option("-o", "--output", metavar="FILE", help="Write the body to FILE instead of stdout.")
@click.option("--force", is_flag=True, help="With -o: overwrite FILE if it exists.")
def init(
    element: str, events: str, output_format: str | None, output: str | None, force: bool
) -> None:
    """Print a commented instance body to start from; it passes `celint check` as it is.

    Secrets are ${VAR} environment references.

    \b
    Examples:
      celint init > instances/qbo-prod.yaml
      celint init --events webhook -o instances/qbo-staging.json
      celint init --element hubspot --events none --format json
    """
    from celint.elements import scaffold

    chosen = output_format or ("json" if (output or "").lower().endswith(".json") else "yaml")
    try:
        text = scaffold.body(element, events, chosen)
    except scaffold.ScaffoldError as exc:
        raise UsageFailure(str(exc)) from None
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w" if force else "x", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        raise UsageFailure(f"{output} exists; use --force to overwrite it") from None
    except OSError as exc:
        raise UsageFailure(f"{output}: cannot write: {exc.strerror or exc}") from None
    click.echo(f"celint: wrote {output}; then run: celint check --env {output}", err=True)


def _exit(code: int) -> NoReturn:
    sys.exit(code)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``celint`` script: an unexpected error is one line and exit 2, with
    the traceback only under ``--debug``."""
    args = sys.argv[1:] if argv is None else argv
    try:
        cli.main(args=args, prog_name="celint", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("celint: aborted", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_FINDINGS)
    except Exception as exc:
        if "--debug" in args:
            raise
        click.echo(
            f"celint: internal error: {_where(exc)} (run with --debug for a traceback)", err=True
        )
        sys.exit(EXIT_ERROR)


def _where(exc: BaseException) -> str:
    """The exception's type and the line that raised it, without its message: a message may
    quote a value from the input, and a secret value is never printed."""
    import traceback
    from pathlib import Path

    frames = traceback.extract_tb(exc.__traceback__)
    place = f" in {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(exc).__name__}{place}"
