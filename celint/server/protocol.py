"""An analysis in LSP terms: diagnostics, code actions and hovers (lsprotocol types).

Each diagnostic carries what ``celint check`` reports (code, severity, message, range) plus
the link to its rule's page; only celint's own message leaves the server, never source text,
so no secret value is sent. Code actions are the ``--fix`` edit of each fixable finding, a
``# celint: disable=`` comment for YAML, and the whole ``--fix`` run as ``source.fixAll``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from lsprotocol import types as lsp

from celint.model import Diagnostic, Severity
from celint.report.rule_docs import doc_url, explain_text
from celint.server.analysis import Analysis, Edit
from celint.server.positions import TextPositions

SOURCE = "celint"
FIX_ALL = f"{lsp.CodeActionKind.SourceFixAll.value}.{SOURCE}"
_SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
Pair = tuple[int, int]


def _range(start: Pair, end: Pair) -> lsp.Range:
    return lsp.Range(lsp.Position(*start), lsp.Position(*end))


class Published(NamedTuple):
    """An analysis as sent to the client: each finding with the LSP diagnostic made of it."""

    uri: str
    analysis: Analysis
    positions: TextPositions
    pairs: tuple[tuple[Diagnostic, lsp.Diagnostic], ...]

    @property
    def diagnostics(self) -> list[lsp.Diagnostic]:
        return [sent for _, sent in self.pairs]

    def within(self, wanted: lsp.Range) -> list[tuple[Diagnostic, lsp.Diagnostic]]:
        """The findings whose range touches ``wanted``."""
        low, high = _pair(wanted.start), _pair(wanted.end)
        return [
            (d, sent)
            for d, sent in self.pairs
            if _pair(sent.range.start) <= high and low <= _pair(sent.range.end)
        ]

    def text_edit(self, edit: Edit) -> lsp.TextEdit:
        start, end = self.positions.range(edit.start, edit.end)
        return lsp.TextEdit(_range(start, end), edit.text)

    def workspace_edit(self, edit: Edit) -> lsp.WorkspaceEdit:
        return lsp.WorkspaceEdit(changes={self.uri: [self.text_edit(edit)]})


def _pair(position: lsp.Position) -> Pair:
    return position.line, position.character


def publish(uri: str, analysis: Analysis, encoding: str) -> Published:
    """The LSP diagnostics of an analysis, in the client's position encoding."""
    positions = TextPositions(analysis.text, encoding)
    pairs = tuple((d, diagnostic(d, positions)) for d in analysis.diagnostics)
    return Published(uri, analysis, positions, pairs)


def diagnostic(d: Diagnostic, positions: TextPositions) -> lsp.Diagnostic:
    """One finding as an LSP diagnostic; its code links to the rule's page."""
    start, end = positions.span(d.span)
    return lsp.Diagnostic(
        range=_range(start, end),
        message=d.message,
        severity=_SEVERITIES[d.severity],
        code=d.code,
        code_description=lsp.CodeDescription(href=doc_url(d.code)),
        source=SOURCE,
    )


def _asks(only: Sequence[str] | None, kind: str, *, by_default: bool) -> bool:
    """Whether a request's ``only`` kinds (hierarchical: ``source`` covers ``source.fixAll``)
    take actions of ``kind``; ``by_default`` when the request names no kinds."""
    if only is None:
        return by_default
    return any(kind == asked or kind.startswith(asked + ".") for asked in only)


def code_actions(
    published: Published, wanted: lsp.Range, only: Sequence[str] | None = None
) -> list[lsp.CodeAction]:
    """The fixes and suppressions of the findings in ``wanted``, then "fix all" when asked for
    by kind (``source.fixAll``, as an editor's fix-on-save does)."""
    actions: list[lsp.CodeAction] = []
    if _asks(only, lsp.CodeActionKind.QuickFix, by_default=True):
        found = published.within(wanted)
        sent = dict(found)  # a described finding equals the one it describes
        for d, edit in published.analysis.fixes([d for d, _ in found]):
            actions.append(_quickfix(published, f"Fix {d.code} ({d.rule})", sent.get(d), edit))
        for d, lsp_d in found:
            comment = published.analysis.suppression(d)
            if comment is not None:
                title = f"Suppress {d.code} on this line"
                actions.append(_quickfix(published, title, lsp_d, comment, preferred=False))
    if _asks(only, FIX_ALL, by_default=False):
        everything = published.analysis.fix_all()
        if everything is not None:
            actions.append(
                lsp.CodeAction(
                    title="Fix all auto-fixable celint problems",
                    kind=FIX_ALL,
                    edit=published.workspace_edit(everything),
                )
            )
    return actions


def _quickfix(
    published: Published,
    title: str,
    sent: lsp.Diagnostic | None,
    edit: Edit,
    *,
    preferred: bool = True,
) -> lsp.CodeAction:
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[sent] if sent is not None else None,
        is_preferred=preferred,
        edit=published.workspace_edit(edit),
    )


def hover(published: Published, position: lsp.Position) -> lsp.Hover | None:
    """The docs of the rules whose findings cover ``position`` (``celint explain`` and the
    page's link), or None. Only rule documentation is shown, never the document's text."""
    from celint.rules import lookup

    here = _pair(position)
    found = [
        (d, sent)
        for d, sent in published.pairs
        if _pair(sent.range.start) <= here <= _pair(sent.range.end)
    ]
    if not found:
        return None
    parts, seen = [], set()
    for d, _ in found:
        rule = lookup(d.code)
        if rule is not None and rule.code not in seen:
            seen.add(rule.code)
            parts.append(f"{explain_text(rule)}\n[Docs: {rule.code}]({doc_url(rule.code)})")
    start = min(_pair(sent.range.start) for _, sent in found)
    end = max(_pair(sent.range.end) for _, sent in found)
    content = lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts))
    return lsp.Hover(contents=content, range=_range(start, end))
