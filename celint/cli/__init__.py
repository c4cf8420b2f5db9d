"""The command line: a thin click layer over the library.

``celint`` is a click group; each command lives in its own module (``check``: check and
validate; ``info``: rules, explain, schema, init; ``serve``: the language server) and turns
its options into one library call.
How a check run goes (streamed, collected, fixed) is decided in :mod:`celint.cli.app`. Every
:class:`~celint.errors.CelintError` becomes one line on stderr and exit 2, here and only here.
"""

from __future__ import annotations

import sys

import click

from celint import __version__
from celint.cli import check, info, serve
from celint.cli.app import EXIT_ERROR, EXIT_FINDINGS
from celint.errors import CelintError, internal_error_origin


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


for _command in (*check.COMMANDS, *info.COMMANDS, *serve.COMMANDS):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``celint`` script: an unexpected error is one line and exit 2, with
    the traceback only under ``--debug``."""
    args = sys.argv[1:] if argv is None else argv
    try:
        cli.main(args=args, prog_name="celint", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("celint: aborted", err=True)
        sys.exit(EXIT_ERROR)
    except CelintError as exc:
        click.echo(f"celint: error: {exc}", err=True)
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
        where = internal_error_origin(exc)
        click.echo(f"celint: internal error: {where} (run with --debug for a traceback)", err=True)
        sys.exit(EXIT_ERROR)
