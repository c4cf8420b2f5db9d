"""The command line: a thin layer over the library.

``celint`` is a click group (:mod:`celint.cli.group`); each command lives in its own module
(``check``: check and validate; ``info``: rules, explain, schema, init; ``serve``: the language
server) and turns its options into one library call. How a check run goes (streamed,
collected, fixed) is decided in :mod:`celint.cli.app`. A ``check`` or ``validate`` command line
in the plain spellings is read by :mod:`celint.cli.options` without importing click (in a
pre-commit hook on one file, start-up is the run); any other goes through click. Every
:class:`~celint.errors.CelintError` becomes one line on stderr and exit 2, here and only here.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, NoReturn

from celint.errors import CelintError, InternalError, internal_error_origin

if TYPE_CHECKING:
    import click


def __getattr__(name: str) -> Any:
    """``celint.cli.cli``, the click group, imported on first access (PEP 562)."""
    if name != "cli":
        raise AttributeError(f"module 'celint.cli' has no attribute {name!r}")
    from celint.cli.group import cli

    group: click.Group = cli
    return group


def _plain(args: list[str]) -> bool:
    """Run ``check`` or ``validate`` when :mod:`celint.cli.options` can read the command line
    alone (then this exits); False when click must read it."""
    from celint.cli import options

    command = args[0] if args else None
    if command == "check":
        found = options.read(args[1:])
        if found is not None:
            from celint.cli.app import CheckRequest, run_check

            sys.exit(run_check(CheckRequest(**found)))
    elif command == "validate":
        found = options.read(args[1:], ())
        if found is not None:
            from celint.cli.app import run_validate

            sys.exit(run_validate(found[options.PATHS]))
    return False


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``celint`` script: an unexpected error is one line and exit 2, with
    the traceback only under ``--debug``."""
    args = sys.argv[1:] if argv is None else argv
    _escape_what_cannot_be_encoded()
    try:
        if not _plain(args):
            from celint.cli.group import run

            run(args)
    except CelintError as exc:
        _fail(f"celint: error: {exc}")
    except BrokenPipeError:
        from celint.cli.app import EXIT_FINDINGS

        sys.stderr.close()
        sys.exit(EXIT_FINDINGS)
    except Exception as exc:
        if "--debug" in args:
            original = _original(exc)
            raise original from original.__cause__
        problem = exc if isinstance(exc, InternalError) else internal_error_origin(exc)
        _fail(f"celint: internal error: {problem} (run with --debug for a traceback)")


def _fail(message: str) -> NoReturn:
    """One line on stderr, then exit 2."""
    from celint.cli.app import EXIT_ERROR, write

    write(message + "\n", err=True)
    sys.exit(EXIT_ERROR)


def _original(exc: Exception) -> BaseException:
    """What ``--debug`` shows: the bug itself, with its traceback, rather than the
    InternalError that names the input (a worker's bug arrives without one)."""
    return exc.__cause__ if isinstance(exc, InternalError) and exc.__cause__ else exc


def _escape_what_cannot_be_encoded() -> None:
    """Write text the output's encoding cannot carry as a backslash escape (``\\udc00``)
    instead of stopping with UnicodeEncodeError: a lone surrogate (a ``"\\udc00"`` escape in a
    JSON string, a file name that is not UTF-8) then reads as the escape it was written as, in
    every format, and the JSON formats read it back as the same string. Output stays valid
    UTF-8; Python's default for the C locale (``surrogateescape``) would write bytes that are
    not."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
