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
from celint.parse import numbers
from celint.parse.document import Document, LineIndex, Located
from celint.parse.result import ParseProblem, ParseResult
from celint.rules.reading.ce001_parse_error import RULE as PARSE_ERROR
from celint.rules.reading.ce002_duplicate_key import RULE as DUPLICATE_KEY
from celint.rules.reading.ce004_unreadable_input import RULE as UNREADABLE_INPUT
from celint.secrets import is_secret_pointer

#: The start and end offsets of a token.
Offsets = tuple[int, int]
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


def load_json(
    text: str,
    max_depth: int = DEFAULT_OPTIONS.max_depth,
    max_findings: int = DEFAULT_OPTIONS.max_findings_per_rule,
) -> ParseResult:
    """Parse one JSON document; syntax errors become CE001, repeated keys CE002, nesting
    deeper than ``max_depth`` CE004. Past ``max_findings`` repeated keys (and one more, where
    the cap places its count) the rest are only counted: JSON has no comments to suppress one,
    so no other could be shown (see :mod:`celint.lint.cap`)."""
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
    except ValueError:  # an integer longer than Python converts
        offset = numbers.first_long_json_integer(text)
        if offset is None:
            raise
        span = LineIndex(text).span(offset, offset + 1)
        return ParseResult(problems=[ParseProblem(UNREADABLE_INPUT, numbers.message(), span)])
    lines = LineIndex(text)
    cache: dict[str, dict[str, Located]] = {}

    def locate() -> dict[str, Located]:
        if "table" not in cache:
            cache["table"] = index_json(text, lines)[0]
        return cache["table"]

    result = ParseResult(documents=[Document(value, locate, 0, lines.span(0, 0))])
    if duplicates.seen:
        table, repeats, unrecorded = index_json(text, lines, max_findings + 1)
        cache["table"] = table
        result.problems.extend(repeats)
        if unrecorded:
            result.unrecorded[DUPLICATE_KEY.code] = unrecorded
    return result


def _syntax_problem(text: str, exc: json.JSONDecodeError) -> ParseProblem:
    lines = LineIndex(text)
    if text.startswith(("//", "/*"), exc.pos):
        return ParseProblem(
            PARSE_ERROR, _comment_message(text, exc.pos), lines.span(exc.pos, exc.pos + 2)
        )
    reason = exc.msg
    nicer = next((v for k, v in _NICER.items() if reason.startswith(k)), reason)
    line, column = lines.position(exc.pos)  # json counts only "\n" as a line break
    where = f"line {line}, column {column}"
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


def _place(
    offsets: dict[str, tuple[int, int, Offsets | None]],
    earlier: dict[str, list[Offsets]],
    pointer: str,
    found: tuple[int, int, Offsets | None],
) -> None:
    """Record where ``pointer`` is; a repeated key's later value wins, as in ``json.loads``.
    The value it overrides is kept when it is a secret field's, for the mask to hide too."""
    previous = offsets.get(pointer)
    if previous is not None and is_secret_pointer(pointer):
        earlier.setdefault(pointer, []).append(previous[:2])
    offsets[pointer] = found


def index_json(
    text: str, lines: LineIndex, record: int | None = None
) -> tuple[dict[str, Located], list[ParseProblem], int]:
    """Map every pointer of a valid JSON text to its spans; report keys that repeat (CE002):
    the first ``record`` of them (all by default), and how many more there are.

    Iterative, so depth costs memory rather than Python stack. For a repeated key the later
    member wins, as it does in ``json.loads``. The scan keeps offsets and makes spans only for
    the pointers that remain, once it is done: a member that a later one replaces (500,000
    repeats of one key) costs no span.
    """
    offsets: dict[str, tuple[int, int, Offsets | None]] = {}
    earlier: dict[str, list[Offsets]] = {}
    repeats: list[ParseProblem] = []
    unrecorded = 0
    # A frame: [is_object, pointer, first offset of each key (object) or item count (array),
    # start, key offsets]
    stack: list[list[Any]] = []
    pointer, key_at = "", None
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]

    def read_key(frame: list[Any], at: int) -> tuple[str, Offsets, int]:
        nonlocal unrecorded
        key, end = scanstring(text, at + 1)
        seen: dict[str, int] = frame[2]
        member = f"{frame[1]}/{jp.escape(key)}"  # jp.join, without its generator: per member
        if key not in seen:
            seen[key] = at
        elif record is None or len(repeats) < record:
            line, column = lines.position(seen[key])
            repeats.append(
                ParseProblem(
                    DUPLICATE_KEY,
                    f"duplicate key {key!r}: first defined at line {line}, column {column}; the "
                    "platform silently keeps only one of them",
                    lines.span(at, end),
                    member,
                )
            )
        else:
            unrecorded += 1
        colon = _WS.match(text, end).end()  # type: ignore[union-attr]
        return member, (at, end), _WS.match(text, colon + 1).end()  # type: ignore[union-attr]

    while True:
        char = text[pos]
        if char in "{[":
            frame: list[Any] = [char == "{", pointer, {} if char == "{" else 0, pos, key_at]
            stack.append(frame)
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
            if text[pos] not in "}]":
                if frame[0]:
                    pointer, key_at, pos = read_key(frame, pos)
                else:
                    pointer, key_at = jp.join(frame[1], 0), None
                continue
        else:
            end = scanstring(text, pos + 1)[1] if char == '"' else _SCALAR.match(text, pos).end()  # type: ignore[union-attr]
            _place(offsets, earlier, pointer, (pos, end, key_at))
            pos = end
        # After a value: close finished containers, or move to the next member.
        while stack:
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            frame = stack[-1]
            if text[pos] == ",":
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                if frame[0]:
                    pointer, key_at, pos = read_key(frame, pos)
                else:
                    frame[2] += 1
                    pointer, key_at = jp.join(frame[1], frame[2]), None
                break
            pos += 1
            stack.pop()
            _place(offsets, earlier, frame[1], (frame[3], pos, frame[4]))
        else:
            table = {
                pointer: Located(
                    lines.span(start, end),
                    key and lines.span(*key),
                    tuple(lines.span(*value) for value in earlier.get(pointer, ())),
                )
                for pointer, (start, end, key) in offsets.items()
            }
            return table, repeats, unrecorded
