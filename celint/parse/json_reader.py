"""JSON through the standard library parser (what the platform parses), with positions on demand.

``json.loads`` decides validity and builds the value at C speed. Positions come from a second,
small scanner over the same (now known-valid) text, run only when a finding needs a place or when
the first pass saw a duplicate key.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from celint import pointer as jp
from celint.config.options import DEFAULT_OPTIONS
from celint.model import Span
from celint.parse.document import Document, LineIndex, Located
from celint.parse.result import ParseProblem, ParseResult
from celint.rules.reading.ce001_parse_error import RULE as PARSE_ERROR
from celint.rules.reading.ce002_duplicate_key import RULE as DUPLICATE_KEY
from celint.rules.reading.ce004_unreadable_input import RULE as UNREADABLE_INPUT

_WS = re.compile(r"[ \t\n\r]*")
_DIRECTIVE = re.compile(r"celint\s*:\s*disable(?:-file)?\s*=\s*([\w,-]+)")
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity")
_NICER = {
    "Expecting ',' delimiter": "missing ',' between two items",
    "Expecting ':' delimiter": "missing ':' after a key",
    "Expecting value": (
        "a value is missing or is not JSON (comments and trailing commas are not JSON)"
    ),
    "Expecting property name enclosed in double quotes": (
        "expected a key in double quotes (a trailing comma or a comment is not JSON)"
    ),
    "Extra data": "unexpected text after the end of the document (a stray closing brace?)",
    "Unterminated string starting at": "a string is not closed",
    "Invalid control character at": (
        "a control character (such as a raw line break) inside a string"
    ),
}


class _Duplicates:
    """``object_pairs_hook`` that builds dicts like ``json`` does and notes any repeated key."""

    def __init__(self) -> None:
        self.seen = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            self.seen = True
        return result


def too_deep(text: str, limit: int) -> int | None:
    """The offset of the first ``[`` or ``{`` nested deeper than ``limit``, or None.

    A scan over brackets outside strings, run before ``json.loads`` so that deep input costs
    neither the parser's recursion nor, later, the schema validator's; texts with too few
    brackets to be that deep skip it.
    """
    if text.count("[") + text.count("{") <= limit:
        return None
    level = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        char = match.group()
        if char in "[{":
            level += 1
            if level > limit:
                return match.start()
        elif char in "]}":
            level -= 1
    return None


def load_json(text: str, max_depth: int = DEFAULT_OPTIONS.max_depth) -> ParseResult:
    """Parse one JSON document; syntax errors become CE001, repeated keys CE002, nesting
    deeper than ``max_depth`` CE004."""
    deep = too_deep(text, max_depth)
    if deep is not None:
        span = LineIndex(text).span(deep, deep + 1)
        message = f"nested deeper than {max_depth} levels (the max_depth limit)"
        return ParseResult(problems=[ParseProblem(UNREADABLE_INPUT, message, span)])
    duplicates = _Duplicates()
    try:
        value = json.loads(text, object_pairs_hook=duplicates)
    except json.JSONDecodeError as exc:
        return ParseResult(problems=[_syntax_problem(text, exc)])
    except RecursionError:  # only when max_depth is set above what Python's stack allows
        message = "nested too deep for the parser (lower max_depth)"
        return ParseResult(
            problems=[ParseProblem(UNREADABLE_INPUT, message, LineIndex(text).span(0, 0))]
        )
    lines = LineIndex(text)
    cache: dict[str, dict[str, Located]] = {}

    def locate() -> dict[str, Located]:
        if "table" not in cache:
            cache["table"] = index_json(text, lines)[0]
        return cache["table"]

    result = ParseResult(documents=[Document(value, locate, 0, lines.span(0, 0))])
    if duplicates.seen:
        table, repeats = index_json(text, lines)
        cache["table"] = table
        result.problems.extend(repeats)
    return result


def _syntax_problem(text: str, exc: json.JSONDecodeError) -> ParseProblem:
    lines = LineIndex(text)
    if text.startswith(("//", "/*"), exc.pos):
        return ParseProblem(
            PARSE_ERROR, _comment_message(text, exc.pos), lines.span(exc.pos, exc.pos + 2)
        )
    reason = exc.msg
    nicer = next((v for k, v in _NICER.items() if reason.startswith(k)), reason)
    where = f"line {exc.lineno}, column {exc.colno}"
    if reason.startswith("Expecting ',' delimiter"):
        # The comma belongs right after the previous value, usually on an earlier line: point there.
        end = len(text[: exc.pos].rstrip())
        return ParseProblem(
            PARSE_ERROR,
            f"invalid JSON: missing ',' after this value (the parser stopped at {where})",
            lines.span(end, end),
        )
    if exc.pos >= len(text):
        where = "the end of the file"
    return ParseProblem(
        PARSE_ERROR, f"invalid JSON: {nicer} (at {where})", lines.span(exc.pos, exc.pos + 1)
    )


def _place(table: dict[str, Located], pointer: str, found: Located) -> None:
    """Record where ``pointer`` is; a repeated key's later value wins, as in ``json.loads``,
    and the overridden one is kept as ``earlier``."""
    previous = table.get(pointer)
    table[pointer] = found if previous is None else previous.replaced_by(found)


def _comment_message(text: str, at: int) -> str:
    """What to say of a comment in JSON: it is not JSON, and, when it was meant to silence a
    finding (``// celint: disable=CE219``), how to do that in a JSON file."""
    end = text.find("\n", at)
    directive = _DIRECTIVE.search(text, at, len(text) if end == -1 else end)
    if directive is None:
        return "invalid JSON: JSON has no comments; remove the comment"
    codes = ", ".join(json.dumps(code) for code in directive.group(1).split(",") if code)
    return (
        "invalid JSON: JSON has no comments, so a celint comment cannot silence a finding in a "
        "JSON file; remove it and list the codes under per-file-ignores in the configuration, "
        f'such as [tool.celint.per-file-ignores] "path/to/file.json" = [{codes}]'
    )


def index_json(text: str, lines: LineIndex) -> tuple[dict[str, Located], list[ParseProblem]]:
    """Map every pointer of a valid JSON text to its spans; report keys that repeat (CE002).

    Iterative, so depth costs memory rather than Python stack. For a repeated key the later
    member wins, as it does in ``json.loads``.
    """
    table: dict[str, Located] = {}
    repeats: list[ParseProblem] = []
    # A frame: [is_object, pointer, keys seen (object) or item count (array), start, key span]
    stack: list[list[Any]] = []
    pointer, key_span = "", None
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]

    def read_key(frame: list[Any], at: int) -> tuple[str, Span, int]:
        key, end = scanstring(text, at + 1)
        span = lines.span(at, end)
        seen: dict[str, Span] = frame[2]
        member = jp.join(frame[1], key)
        if key in seen:
            first = seen[key]
            repeats.append(
                ParseProblem(
                    DUPLICATE_KEY,
                    f"duplicate key {key!r}: first defined at line {first.line}, column "
                    f"{first.column}; the platform silently keeps only one of them",
                    span,
                    member,
                )
            )
        else:
            seen[key] = span
        colon = _WS.match(text, end).end()  # type: ignore[union-attr]
        return member, span, _WS.match(text, colon + 1).end()  # type: ignore[union-attr]

    while True:
        char = text[pos]
        if char in "{[":
            frame: list[Any] = [char == "{", pointer, {} if char == "{" else 0, pos, key_span]
            stack.append(frame)
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
            if text[pos] not in "}]":
                if frame[0]:
                    pointer, key_span, pos = read_key(frame, pos)
                else:
                    pointer, key_span = jp.join(frame[1], 0), None
                continue
        else:
            end = scanstring(text, pos + 1)[1] if char == '"' else _SCALAR.match(text, pos).end()  # type: ignore[union-attr]
            _place(table, pointer, Located(lines.span(pos, end), key_span))
            pos = end
        # After a value: close finished containers, or move to the next member.
        while stack:
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            frame = stack[-1]
            if text[pos] == ",":
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                if frame[0]:
                    pointer, key_span, pos = read_key(frame, pos)
                else:
                    frame[2] += 1
                    pointer, key_span = jp.join(frame[1], frame[2]), None
                break
            pos += 1
            stack.pop()
            _place(table, frame[1], Located(lines.span(frame[3], pos), frame[4]))
        else:
            return table, repeats
