"""``celint server``: the language server, for editors (the ``celint[server]`` extra)."""

from __future__ import annotations

import click

from celint.server import DEBOUNCE_MS


@click.command("server")
@click.option(
    "--debounce",
    type=click.IntRange(0, 10_000),
    default=DEBOUNCE_MS,
    show_default=True,
    metavar="MS",
    help="Milliseconds without edits before a changed document is linted.",
)
def server_command(debounce: int) -> None:
    """Run the language server on stdin and stdout (LSP), for editors.

    It publishes the findings of `celint check` as you type, offers each safe fix and a
    suppression comment as code actions, and shows a rule's docs on hover. Needs the server
    extra: pip install 'celint[server]'.

    \b
    Example (any LSP client): command ["celint", "server"] for YAML and JSON files.
    """
    from celint.server import serve

    serve(debounce)


COMMANDS = (server_command,)
