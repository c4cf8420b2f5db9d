"""The errors celint raises to its caller: one base, one line each, exit code 2 at the CLI.

Every error a user can cause (a bad option, configuration, path, baseline or ``init`` request)
derives from :class:`CelintError`; the command line maps that one class to ``celint: error:
MESSAGE`` and exit 2, so a new error type needs no new handler. Problems *in a body* are never
errors: they are findings. A bug met while checking an input is an :class:`InternalError`.
"""

from __future__ import annotations

from pathlib import Path


class CelintError(Exception):
    """Something celint was asked to do cannot be done; the message is one line for the user."""


class UsageError(CelintError):
    """A mistake in how celint was called (options that cannot go together, an unknown rule)."""


class ConfigError(CelintError):
    """A configuration file celint cannot use; the message names the file and the key."""


class InputError(CelintError):
    """An input that cannot be read or written at all (permission, a FIFO, a broken link)."""


class PathMissing(InputError):
    """A path named on the command line does not exist."""


class BaselineError(CelintError):
    """A baseline file that cannot be read or written."""


class ScaffoldError(CelintError):
    """``celint init`` cannot build a body for the element asked for."""


def internal_error_origin(exc: BaseException) -> str:
    """An unexpected exception's type and the line that raised it, without its message: a
    message may quote a value from the input, and a secret value is never printed. The command
    line and the language server both report internal errors this way."""
    import traceback  # here: only a bug needs it, and it costs ~1.5 ms of every start-up

    frames = traceback.extract_tb(exc.__traceback__)
    place = f" in {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(exc).__name__}{place}"


class InternalError(Exception):
    """A bug met while checking one input: where it happened and which input, in one line.

    It is made where the input was checked, so it says the same whether that was this process
    or a worker (whose exception reaches the parent without its traceback), and it travels back
    from a worker as a value, in input order: every ``--jobs`` count prints the same lines.
    """

    @classmethod
    def wrap(cls, exc: Exception, name: str) -> InternalError:
        return cls(f"{internal_error_origin(exc)} while checking {name}")
