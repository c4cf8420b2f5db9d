"""The language server: pygls on stdio, linting open documents as they change.

A document is linted when it is opened or saved, and after an edit once the client has been
quiet for the debounce delay (typing a word costs one lint, not one per key). Code actions
and hovers use the latest lint of the document's current text, linting it first when an edit
is still waiting. Every handler is guarded: an internal error while serving one document is
logged (its type and place only, never its message, which may quote a value) and answered
with nothing, and the server goes on serving the others.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from celint import __version__
from celint.errors import internal_error_origin
from celint.server.analysis import Analysis, analyse, document_path
from celint.server.positions import UTF16
from celint.server.protocol import FIX_ALL, Published, code_actions, hover, publish

Handler = TypeVar("Handler", bound=Callable[..., Any])


class CelintServer(LanguageServer):
    """The server and what it keeps per open document: its latest published lint and the
    timer of a lint waiting for the edits to pause."""

    def __init__(self, debounce: float) -> None:
        super().__init__("celint", __version__, lsp.TextDocumentSyncKind.Incremental)
        self.debounce = debounce
        self.published: dict[str, Published] = {}
        self.waiting: dict[str, asyncio.TimerHandle] = {}
        self.told: set[str] = set()

    @property
    def encoding(self) -> str:
        """The position encoding agreed at ``initialize`` (UTF-16 unless the client offered
        UTF-8 or UTF-32 first)."""
        chosen = self.workspace.position_encoding
        return str(getattr(chosen, "value", chosen) or UTF16)

    def report_server_error(self, error: Exception, source: Any) -> None:
        """pygls's own errors (a malformed message): logged without their message."""
        self.log(f"celint: server error: {internal_error_origin(error)}")

    def log(self, message: str) -> None:
        self.window_log_message(lsp.LogMessageParams(lsp.MessageType.Error, message))

    def lint(self, uri: str) -> Published:
        """Lint the document's current text now and publish the findings."""
        self.cancel(uri)
        document = self.workspace.get_text_document(uri)
        path = document_path(
            document.path if uri.startswith("file:") else None,
            document.filename or "",
            document.language_id,
            self.workspace.root_path,
        )
        try:
            analysis = analyse(path, document.source, document.version)
            published = publish(uri, analysis, self.encoding)
            self._tell(analysis.config_error)
        except Exception as exc:  # one document's failure must not stop the server
            self.log(f"celint: internal error linting {path}: {internal_error_origin(exc)}")
            fallback = Analysis(path, document.source, document.version)
            published = publish(uri, fallback, self.encoding)
        self.published[uri] = published
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri, published.diagnostics, document.version)
        )
        return published

    def _tell(self, problem: str | None) -> None:
        """Show a broken configuration file once: the defaults are used until it is fixed."""
        if problem is not None and problem not in self.told:
            self.told.add(problem)
            message = f"celint: error: {problem}; linting with the default settings"
            self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, message))

    def later(self, uri: str) -> None:
        """Lint once the edits have paused for the debounce delay."""
        self.cancel(uri)
        loop = asyncio.get_running_loop()
        self.waiting[uri] = loop.call_later(self.debounce, self._lint_guarded, uri)

    def _lint_guarded(self, uri: str) -> None:
        try:
            self.lint(uri)
        except Exception as exc:  # the document went away meanwhile, or worse
            self.log(f"celint: internal error: {internal_error_origin(exc)}")

    def cancel(self, uri: str) -> None:
        waiting = self.waiting.pop(uri, None)
        if waiting is not None:
            waiting.cancel()

    def current(self, uri: str) -> Published:
        """The lint of the document as it is now: the published one, unless an edit came since."""
        published = self.published.get(uri)
        version = self.workspace.get_text_document(uri).version
        if published is None or uri in self.waiting or published.analysis.version != version:
            published = self.lint(uri)
        return published

    def close(self, uri: str) -> None:
        self.cancel(uri)
        self.published.pop(uri, None)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))


def guarded(default: object) -> Callable[[Handler], Handler]:
    """Answer ``default`` instead of failing when a handler meets an internal error."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def run(ls: CelintServer, params: object) -> object:
            try:
                return handler(ls, params)
            except Exception as exc:
                where = internal_error_origin(exc)
                ls.log(f"celint: internal error in {handler.__name__}: {where}")
                return default

        return cast(Handler, run)

    return wrap


def build(debounce: float) -> CelintServer:
    """A server with every feature registered; ``debounce`` in seconds."""
    server = CelintServer(debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    @guarded(None)
    def did_open(ls: CelintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    @guarded(None)
    def did_change(ls: CelintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.later(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    @guarded(None)
    def did_save(ls: CelintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    @guarded(None)
    def did_close(ls: CelintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    kinds: list[lsp.CodeActionKind | str] = [lsp.CodeActionKind.QuickFix, FIX_ALL]

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=kinds))
    @guarded([])
    def code_action(ls: CelintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        only = params.context.only
        asked = None if only is None else [str(getattr(kind, "value", kind)) for kind in only]
        return code_actions(ls.current(params.text_document.uri), params.range, asked)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    @guarded(None)
    def on_hover(ls: CelintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return hover(ls.current(params.text_document.uri), params.position)

    return server
