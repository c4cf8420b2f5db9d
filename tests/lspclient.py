"""A pytest-lsp client for ``celint server`` that keeps every diagnostics notification.

pytest-lsp's client keeps only the latest diagnostics of each document; the tests also need
each notification's document version (to tell a debounced lint from an earlier one) and how
many arrived. Helpers apply LSP text edits the way an editor does, independently of the
server's own position code.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clirun import celint_command
from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features


class Client(LanguageClient):
    """A test client that records every ``textDocument/publishDiagnostics``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.received: list[lsp.PublishDiagnosticsParams] = []
        self.initialized_with: lsp.InitializeResult | None = None

    async def until(
        self,
        test: Callable[[lsp.PublishDiagnosticsParams], bool],
        after: int = 0,
        timeout: float = 60,
    ) -> lsp.PublishDiagnosticsParams:
        """The latest notification from index ``after`` on that passes ``test``, waiting for
        one to arrive."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for params in reversed(self.received[after:]):
                if test(params):
                    return params
            if loop.time() > deadline:
                raise AssertionError("no such diagnostics notification")
            await asyncio.sleep(0.01)

    async def published(
        self, uri: str, version: int | None, timeout: float = 60
    ) -> lsp.PublishDiagnosticsParams:
        """The diagnostics of ``uri`` at ``version``, waiting for them."""
        wanted = (uri, version)
        return await self.until(lambda p: (p.uri, p.version) == wanted, timeout=timeout)

    def open(self, path: Path, text: str | None = None, language: str | None = None) -> str:
        """Send ``didOpen`` for ``path`` (its text on disk unless given), version 1."""
        uri = path.as_uri()
        language = language or ("json" if path.suffix == ".json" else "yaml")
        body = path.read_text(encoding="utf-8") if text is None else text
        item = lsp.TextDocumentItem(uri, language, 1, body)
        self.text_document_did_open(lsp.DidOpenTextDocumentParams(item))
        return uri

    def replace(self, uri: str, version: int, text: str) -> None:
        """Send ``didChange`` with the whole new text."""
        change = lsp.TextDocumentContentChangeWholeDocument(text)
        document = lsp.VersionedTextDocumentIdentifier(version, uri)
        self.text_document_did_change(lsp.DidChangeTextDocumentParams(document, [change]))

    async def actions(
        self, uri: str, where: lsp.Range, only: list[str] | None = None
    ) -> list[lsp.CodeAction]:
        context = lsp.CodeActionContext(diagnostics=[], only=only)
        params = lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), where, context)
        found = await self.text_document_code_action_async(params)
        return [action for action in found or [] if isinstance(action, lsp.CodeAction)]


def _record(client: Client, params: lsp.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.received.append(params)


def make_client() -> Client:
    client = Client(converter_factory=default_converter)
    features = {**DEFAULT_CLIENT_FEATURES, lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record}
    register_lsp_features(client, features)
    return client


def server_config(*args: str, command: list[str] | None = None) -> ClientServerConfig:
    """``celint server`` as installed (or ``command``), driven by :class:`Client`."""
    return ClientServerConfig(
        server_command=command or [*celint_command(), "server", *args],
        client_factory=make_client,
    )


_BREAK = re.compile(r"\r\n|\r|\n")
_WIDTH = {"utf-8": 1, "utf-16": 2, "utf-32": 4}


def units(text: str, encoding: str) -> int:
    """Code units of ``text`` in an LSP position encoding."""
    codec = encoding if encoding == "utf-8" else f"{encoding}-le"
    return len(text.encode(codec, "surrogatepass")) // _WIDTH[encoding]


def offset(text: str, position: lsp.Position, encoding: str = "utf-16") -> int:
    """The string index of an LSP position (as an editor computes it)."""
    starts = [0, *(m.end() for m in _BREAK.finditer(text))]
    start = starts[position.line]
    index, count = start, 0
    while count < position.character:
        count += units(text[index], encoding)
        index += 1
    return index


def apply(text: str, edits: list[lsp.TextEdit], encoding: str = "utf-16") -> str:
    """``text`` with the edits applied, from the last one back."""
    spans = [
        (offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text)
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def position(text: str, line: int, column: int, encoding: str = "utf-16") -> lsp.Position:
    """celint's 1-based line and code-point column as an LSP position (ASCII-safe helper for
    the expectations: the test's own conversion, not the server's)."""
    lines = _BREAK.split(text)
    if line > len(lines):
        return lsp.Position(len(lines) - 1, units(lines[-1], encoding))
    content = lines[line - 1]
    return lsp.Position(line - 1, units(content[: column - 1], encoding))
