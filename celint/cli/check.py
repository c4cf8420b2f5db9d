"""``celint check`` and ``celint validate``: their options in, one request to the run out."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from celint.cli.options import CHECK, CHOICE, COUNT, FLAG, MULTIPLE, PATHS, SWITCH, Option

F = TypeVar("F", bound=Callable[..., Any])
# Not readable=True (click's default): click would test access itself and print its usage
# error, four lines; reading the file says why it cannot be read, in one (exit 2).
PATH_TYPE = click.Path(allow_dash=True, readable=False)


def _option(option: Option) -> Callable[[F], F]:
    """The click decorator of one option of :data:`celint.cli.options.CHECK`."""
    settings: dict[str, Any] = {"help": option.help, "metavar": option.metavar}
    if option.show_default:
        settings["show_default"] = True
    if option.kind == FLAG:
        return click.option(*option.flags, option.dest, is_flag=True, **settings)
    if option.kind == SWITCH:
        return click.option("/".join(option.flags), option.dest, default=None, **settings)
    if option.kind == CHOICE:
        settings["type"] = click.Choice(option.choices)
    elif option.kind == COUNT:
        settings["type"] = click.IntRange(min=0)
    return click.option(
        *option.flags,
        option.dest,
        multiple=option.kind == MULTIPLE,
        default=option.default,
        **settings,
    )


def _options(command: F) -> F:
    """Every option of ``check``, in the order ``--help`` lists them."""
    for option in reversed(CHECK):
        command = _option(option)(command)
    return command


@click.command()
@click.argument(PATHS, nargs=-1, type=PATH_TYPE)
@_options
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
@click.argument(PATHS, nargs=-1, type=PATH_TYPE)
def validate(paths: tuple[str, ...]) -> None:
    """Validate instance bodies: print errors only, exit 1 if there is any.

    \b
    Example:
      celint validate instances/qbo-prod.json && curl -X POST ... -d @instances/qbo-prod.json
    """
    from celint.cli.app import run_validate

    sys.exit(run_validate(paths))


COMMANDS = (check, validate)
