"""``# celint:`` comments in YAML: reading them, silencing the findings they name, and writing
one (the language server's "suppress on this line").

Imported only for a YAML text that mentions ``celint``: every other input pays neither for the
directive patterns nor for these records. See :mod:`celint.lint.suppression` for the syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from celint.config.options import LintOptions
from celint.model import Diagnostic, Span, split_lines
from celint.rules.reading.ce005_unused_suppression import RULE as UNUSED_SUPPRESSION

DISABLE, DISABLE_FILE = "disable", "disable-file"
_DIRECTIVE = re.compile(r"#\s*celint\s*:\s*(?P<action>[\w-]*)\s*(?:=(?P<words>[^#]*))?")
_WORD = re.compile(r"[^,\s]+")


class Word(NamedTuple):
    """One rule named by a directive: as written, where, and the code prefix it stands for."""

    text: str
    span: Span
    prefix: str | None


class Directive(NamedTuple):
    """A ``# celint:`` comment on line ``line``; ``problem`` says why it cannot be used."""

    line: int
    action: str
    words: tuple[Word, ...]
    span: Span
    problem: str | None = None


def _comment_start(line: str) -> int | None:
    """Where a YAML comment starts on a line: a ``#`` at the start or after a blank, outside
    a quoted scalar."""
    quote = ""
    i = 0
    while i < len(line):
        char = line[i]
        if quote:
            if quote == '"' and char == "\\":
                i += 1
            elif char == quote:
                if quote == "'" and line[i + 1 : i + 2] == "'":
                    i += 1
                else:
                    quote = ""
        elif char in "'\"" and (i == 0 or line[i - 1] in " \t[{,:-?"):
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
        i += 1
    return None


def _span(line: int, start: int, end: int) -> Span:
    return Span(line, start + 1, line, end + 1)


def _words(number: int, line: str, start: int, text: str) -> tuple[Word, ...]:
    from celint.rules import resolve_selector

    found = []
    for match in _WORD.finditer(text):
        try:
            prefix: str | None = resolve_selector(match.group())
        except ValueError:
            prefix = None
        span = _span(number, start + match.start(), start + match.end())
        found.append(Word(match.group(), span, prefix))
    return tuple(found)


def directives(text: str) -> Iterator[Directive]:
    """Every ``# celint:`` comment of a YAML text, in order."""
    at_top = True
    for number, line in enumerate(split_lines(text), 1):
        stripped = line.strip()
        comment = _comment_start(line) if "celint" in line else None
        if comment is not None:
            match = _DIRECTIVE.match(line, comment)
            if match:
                yield _directive(number, line, match, at_top)
        if stripped and not stripped.startswith("#"):
            at_top = False


def _directive(number: int, line: str, match: re.Match[str], at_top: bool) -> Directive:
    action = match["action"]
    words = _words(number, line, match.start("words"), match["words"] or "")
    span = _span(number, match.start(), len(line.rstrip()))
    problem = None
    if action not in (DISABLE, DISABLE_FILE):
        from celint.suggest import closest

        guess = closest(action, (DISABLE, DISABLE_FILE))
        hint = f"; did you mean {guess!r}?" if guess else "; use disable= or disable-file="
        problem = f"unknown celint directive {action!r}{hint}"
    elif not words:
        problem = f"'celint: {action}' names no rule; write {action}=CODE[,CODE]"
    elif action == DISABLE_FILE and not at_top:
        problem = (
            "'celint: disable-file' must come among the comments at the top of the file, "
            "before the first line of data"
        )
    return Directive(number, action, words, span, problem)


def _silences(directive: Directive, code: str, line: int | None) -> Word | None:
    """The word of ``directive`` that silences ``code`` on ``line``, if any."""
    if directive.problem or (directive.action == DISABLE and directive.line != line):
        return None
    return next((w for w in directive.words if w.prefix and code.startswith(w.prefix)), None)


def disable_comment(line: str, code: str) -> tuple[int, str] | None:
    """Where to insert what on ``line`` (one line of a YAML text, without its line break) so
    that it silences ``code``: what an editor's "suppress on this line" writes.

    The code joins the line's ``# celint: disable=`` comment, or a new such comment goes before
    the line's other comment, or at its end. None when the line's comment is another celint
    directive (``disable-file``, a misspelt one), which the new one would hide, or when this
    module would not read the result as silencing ``code`` (the line ends in what it takes for
    an open quote).
    """
    comment = _comment_start(line)
    if comment is None:
        at, text = (
            len(line),
            ("" if line[-1:] in (" ", "\t") else "  ") + f"# celint: {DISABLE}={code}",
        )
    else:
        match = _DIRECTIVE.match(line, comment)
        if match is None:
            at, text = comment, f"# celint: {DISABLE}={code} "
        elif match["action"] == DISABLE and _WORD.search(match["words"] or ""):
            at, text = match.start("words") + len(match["words"].rstrip()), f",{code}"
        else:
            return None
    written = line[:at] + text + line[at:]
    if not any(_silences(found, code, 1) for found in directives(written)):
        return None
    return at, text


def _unused(
    path: str, found: list[Directive], used: set[Word], options: LintOptions
) -> Iterator[Diagnostic]:
    from celint.rules import codes

    rule = UNUSED_SUPPRESSION

    def finding(message: str, span: Span) -> Diagnostic:
        return Diagnostic(path, rule.code, rule.name, rule.severity, message, "", span)

    for directive in found:
        if directive.problem:
            yield finding(directive.problem, directive.span)
            continue
        where = "on this line" if directive.action == DISABLE else "in this file"
        for word in directive.words:
            if word.prefix is None:
                yield finding(f"{word.text!r} in a celint comment is not a rule", word.span)
            elif word not in used and any(
                options.enabled(code) for code in codes() if code.startswith(word.prefix)
            ):
                yield finding(f"unused suppression: no {word.text} finding {where}", word.span)


def inline(path: str, text: str, found: list[Diagnostic], options: LintOptions) -> list[Diagnostic]:
    """The findings no comment of ``text`` silences, plus CE005 for comments that silence
    nothing."""
    comments = list(directives(text))
    if not comments:
        return found
    kept: list[Diagnostic] = []
    used: set[Word] = set()
    for d in found:
        words = [w for w in (_silences(c, d.code, d.line) for c in comments) if w is not None]
        used.update(words)
        if not words:
            kept.append(d)
    return kept + list(_unused(path, comments, used, options))
