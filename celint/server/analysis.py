"""What the language server knows about one open document, computed by the library alone.

The editor's text is linted as ``celint check`` would lint the file saved with it: the same
bytes (UTF-8), the same sniffing, the configuration found from the document's folder, the same
exclusions. Fixes and suppressions are planned here too, in celint's terms (offsets into the
text); :mod:`celint.server.protocol` turns all of it into LSP messages. Nothing here imports
pygls, so it is tested, and used, without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from celint.config.files import discover
from celint.config.options import DEFAULT_OPTIONS, LintOptions
from celint.config.patterns import any_match
from celint.errors import ConfigError
from celint.lint import comments
from celint.lint.engine import check_bytes, is_json, parse
from celint.model import Diagnostic, Source

#: Languages (LSP ``languageId``) and the suffix that makes celint read a document as them
#: when its name does not say (an unsaved buffer).
SUFFIXES = {"json": ".json", "jsonc": ".json", "yaml": ".yaml"}
#: Findings a ``# celint: disable=`` comment cannot silence: CE004 is about bytes that were not
#: read as a YAML text, CE005 about the comments themselves.
UNSUPPRESSIBLE = frozenset({"CE004", "CE005"})


class Edit(NamedTuple):
    """Replace ``[start, end)`` of the linted text (offsets without a BOM) with ``text``."""

    start: int
    end: int
    text: str


class Analysis(NamedTuple):
    """One version of one document and its findings; ``config_error`` says why the defaults
    were used instead of the project's configuration file."""

    path: str
    text: str
    version: int | None = None
    options: LintOptions = DEFAULT_OPTIONS
    diagnostics: tuple[Diagnostic, ...] = ()
    config_error: str | None = None

    @property
    def source(self) -> Source:
        """The text as the engine sees it: without a byte order mark, which celint's offsets
        do not count."""
        return Source(self.path, self.text.removeprefix("\ufeff"))

    @property
    def data(self) -> bytes:
        """The bytes ``celint check`` would read if the text were saved (as UTF-8)."""
        return _saved(self.text)

    @property
    def yaml(self) -> bool:
        """Whether the document is read as YAML, which may carry suppression comments."""
        return not is_json(self.source)

    def fixes(self, diagnostics: list[Diagnostic]) -> list[tuple[Diagnostic, Edit]]:
        """Each fixable one of ``diagnostics`` with its edit: the ``--fix`` edit of that
        finding alone (checked to read back as the body with just that value changed)."""
        fixable = [d for d in diagnostics if d.fixable and d.span is not None]
        if not fixable:
            return []
        from celint.fix.engine import describe

        found = []
        for d in describe(self.path, self.data, fixable, self.options):
            if d.span is not None and d.replacement is not None:
                found.append((d, Edit(d.span.offset, d.span.end_offset, d.replacement)))
        return found

    def fix_all(self) -> Edit | None:
        """What ``celint check --fix`` would write, as one edit over the part that changes;
        None when it changes nothing."""
        from celint.fix.engine import fix_bytes

        result = fix_bytes(self.path, self.data, self.options)
        if result is None or not result.changed:
            return None
        return changed_region(result.source.text, result.text)

    def suppression(self, diagnostic: Diagnostic) -> Edit | None:
        """The ``# celint: disable=CODE`` comment that silences ``diagnostic`` on its line, in
        YAML, when the comment leaves every value of the file as it was; else None."""
        line = diagnostic.line
        if not self.yaml or line is None or diagnostic.code in UNSUPPRESSIBLE:
            return None
        text = self.source.text
        lines = text.split("\n")
        if line > len(lines):
            return None
        content = lines[line - 1].removesuffix("\r")
        found = comments.disable_comment(content, diagnostic.code)
        if found is None:
            return None
        column, comment = found
        start = sum(len(before) + 1 for before in lines[: line - 1]) + column
        edited = text[:start] + comment + text[start:]
        return Edit(start, start, comment) if _same_values(self, edited) else None


def _saved(text: str) -> bytes:
    """A text as UTF-8 bytes; a lone surrogate in an editor's text (which JSON-RPC can carry)
    stays one, so it is CE004 like any undecodable byte rather than an exception."""
    return text.encode("utf-8", "surrogatepass")


def _same_values(analysis: Analysis, edited: str) -> bool:
    """Whether ``edited`` reads as the same documents as the analysed text (a comment that
    landed inside a block scalar would change a value instead)."""
    before = parse(analysis.source, analysis.options)
    after = parse(Source(analysis.path, edited), analysis.options)
    if before.failed or after.failed:
        return False
    return [d.value for d in before.documents] == [d.value for d in after.documents]


def changed_region(before: str, after: str) -> Edit:
    """The one edit that turns ``before`` into ``after``: the span between their common
    beginning and their common end."""
    limit = min(len(before), len(after))
    start = 0
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return Edit(start, len(before) - end, after[start : len(after) - end])


def document_path(fs_path: str | None, name: str, language: str | None, root: str | None) -> str:
    """The path a document is linted under: its file, or for an unsaved buffer a name in the
    workspace with the suffix of its language (which tells celint how to read it)."""
    if fs_path is not None:
        return fs_path
    stem = Path(name).name or "untitled"
    suffix = SUFFIXES.get(language or "", "")
    return str(Path(root or ".") / (stem if stem.endswith(suffix) else stem + suffix))


def options_for(path: str) -> tuple[LintOptions, str | None]:
    """The lint options of the configuration found from the file's folder upwards, as
    ``celint check`` run there would use; the defaults, and why, when that file is broken."""
    try:
        return discover(Path(path).absolute().parent).options(), None
    except ConfigError as exc:
        return DEFAULT_OPTIONS, str(exc)


def analyse(path: str, text: str, version: int | None = None) -> Analysis:
    """Lint one document's text. A file the configuration excludes has no findings, as when
    ``celint check`` (or pre-commit) is handed it."""
    options, problem = options_for(path)
    found: tuple[Diagnostic, ...] = ()
    if not any_match(options.exclude, path):
        found = tuple(check_bytes(path, _saved(text), options).diagnostics)
    return Analysis(path, text, version, options, found, problem)
