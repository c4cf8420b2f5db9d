"""``celint check`` and ``celint validate``: their options in, one request to the run out."""

from __future__ import annotations

import sys
from typing import Any

import click

from celint.report import FORMATS

# Not readable=True (click's default): click would test access itself and print its usage
# error, four lines; reading the file says why it cannot be read, in one (exit 2).
PATHS = click.Path(allow_dash=True, readable=False)


@click.command()
@click.argument("paths", nargs=-1, type=PATHS)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(tuple(FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output-file",
    metavar="FILE",
    help="Write the --format report to FILE (atomically) instead of standard output.",
)
@click.option(
    "--output-format",
    "output_formats",
    multiple=True,
    metavar="FORMAT:FILE",
    help="Also write the findings in FORMAT to FILE, such as sarif:celint.sarif (repeatable; "
    "the terminal still gets --format).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules: codes, names or prefixes, comma-separated (CE2,CE401).",
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="RULES",
    help="Add these rules to the selection (of --select or the configuration).",
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (same forms).")
@click.option(
    "--extend-ignore",
    multiple=True,
    metavar="RULES",
    help="Skip these rules too, besides --ignore or the configuration's ignore.",
)
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
    help="Colour the output (default: on a terminal or when FORCE_COLOR is set; never when "
    "NO_COLOR is set).",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the safe fixes, write the files (standard input: the fixed text to stdout, the "
    "report to stderr), report the rest.",
)
@click.option(
    "--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing (exit 1 if any)."
)
@click.option(
    "--show-fixes",
    is_flag=True,
    help="With --fix: list each applied fix (file, line, code, before → after).",
)
@click.option(
    "--exit-non-zero-on-fix",
    is_flag=True,
    help="With --fix: exit 1 when anything was fixed, even if nothing is left.",
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
@click.option(
    "--statistics",
    is_flag=True,
    help="Count findings per rule instead of listing them (--format text or json).",
)
@click.option("--baseline", metavar="FILE", help="Report only findings that FILE does not record.")
@click.option(
    "--write-baseline",
    metavar="FILE",
    help="Record today's findings in FILE, then report none; with --baseline, prune instead: "
    "keep the entries that still match, add nothing.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Lint in N processes (0: automatic; same output either way).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary line.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also say why each file was linted or skipped, which doc page each finding from the "
    "element catalogue rests on, and which baseline entries are stale.",
)
def check(**options: Any) -> None:
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
      celint check --output-format sarif:celint.sarif instances/   text here, SARIF there
      celint check --fix --show-fixes --exit-non-zero-on-fix instances/
      celint check --env qbo.yaml        the body as posted, ${VAR}s substituted
    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
    """
    from celint.cli.app import CheckRequest, run_check

    sys.exit(run_check(CheckRequest(**options)))


@click.command()
@click.argument("paths", nargs=-1, type=PATHS)
def validate(paths: tuple[str, ...]) -> None:
    """Validate instance bodies: print errors only, exit 1 if there is any.

    \b
    Example:
      celint validate instances/qbo-prod.json && curl -X POST ... -d @instances/qbo-prod.json
    """
    from celint.cli.app import run_validate

    sys.exit(run_validate(paths))


COMMANDS = (check, validate)
