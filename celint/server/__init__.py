"""``celint server``: a language server that publishes celint's own findings in the editor.

The stage above :mod:`celint.fix` and :mod:`celint.lint`, next to the command line: it lints
open documents with the library (:mod:`celint.server.analysis`), speaks LSP through pygls
(:mod:`celint.server.app`, :mod:`celint.server.protocol`) and converts positions to the
client's encoding (:mod:`celint.server.positions`). pygls is the optional extra
``celint[server]``: nothing outside this package imports it, and this module (which the command
line imports for its defaults) only when the server starts, so ``celint check`` never loads it.
"""

from __future__ import annotations

from celint.errors import UsageError

#: Milliseconds to wait after an edit before linting, so that typing lints once per pause.
DEBOUNCE_MS = 150
_EXTRA = ("pygls", "lsprotocol", "cattrs")


def serve(debounce_ms: int = DEBOUNCE_MS) -> None:
    """Run the language server on standard input and output until the client ends it."""
    try:
        from celint.server.app import build
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in _EXTRA:
            raise
        raise UsageError(
            "celint server needs pygls, which the 'server' extra installs:"
            " pip install 'celint[server]'"
        ) from None
    build(debounce_ms / 1000).start_io()
