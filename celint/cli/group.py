"""The ``celint`` click group: every command, with click's help, version and error messages.

:func:`celint.cli.main` imports it only for a command line that :mod:`celint.cli.options`
cannot read alone (``--help``, ``--version``, the describing commands, an unusual spelling).
"""

from __future__ import annotations

import sys

import click

from celint import __version__
from celint.cli import check, info, serve


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


def run(args: list[str]) -> None:
    """Run the command line through click; click's own exits and errors as click shows them."""
    from celint.cli.app import EXIT_ERROR, write

    try:
        cli.main(args=args, prog_name="celint", standalone_mode=False)
    except click.exceptions.Abort:
        write("celint: aborted\n", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
