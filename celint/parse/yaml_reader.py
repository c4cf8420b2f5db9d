"""YAML 1.2 through ruamel.yaml: compose the node tree (with marks), then build plain values.

Building values ourselves, rather than with ruamel's constructor, is what lets celint place a
duplicate key (CE002), refuse tags that are not plain data, and bound alias expansion (CE004)
without ever constructing an arbitrary object.

Composing is ruamel's Python composer fed by its C parser: the C library keeps its own stacks,
so nesting costs no C recursion (ruamel's all-C composer recurses per level and crashes the
interpreter on 100,000 nested ``[``), and the Python composer stops at a depth limit.

The C parser is libyaml, which follows YAML 1.1 where 1.2 differs: it rejects a plain scalar
holding ``:`` inside a flow mapping (``{oauth.callback.url: https://x}``) and breaks lines at
NEL. A text it rejects is read again by ruamel's pure-Python parser, which follows 1.2, and is
valid if that one accepts it. The pure parser reads about 0.7 MB a second, so only texts of up
to :data:`PURE_RETRY_LIMIT` characters get the second reading; libyaml's verdict on a larger
one stands. Syntax errors are worded by celint, at the line and column they were found.
"""

from __future__ import annotations

import functools
import math
from typing import Any

from celint import pointer as jp
from celint.config.options import DEFAULT_OPTIONS
from celint.model import Rule, Span
from celint.parse import numbers
from celint.parse.document import Document, LineIndex, Located
from celint.parse.result import ParseProblem, ParseResult
from celint.rules.reading.ce001_parse_error import RULE as PARSE_ERROR
from celint.rules.reading.ce002_duplicate_key import RULE as DUPLICATE_KEY
from celint.rules.reading.ce004_unreadable_input import RULE as UNREADABLE_INPUT
from celint.secrets import is_secret_pointer

_CORE = "tag:yaml.org,2002:"
PURE_RETRY_LIMIT = 512 * 1024
# The parsers' problems (libyaml's words) in celint's: what is wrong and what would be right.
_NICER = {
    "mapping values are not allowed": (
        "a ': ' where no mapping can start (quote a value that holds ': ', or check the "
        "indentation)"
    ),
    "could not find expected ':'": (
        "a line that is not 'key: value' where a key was expected (a missing ':', or a line "
        "indented wrongly)"
    ),
    "did not find expected key": (
        "text that does not fit the mapping around it (check the indentation)"
    ),
    "did not find expected ',' or ']'": (
        "a '[' list is not closed, or a ',' is missing between its items"
    ),
    "did not find expected ',' or '}'": (
        "a '{' mapping is not closed, or a ',' is missing between its members"
    ),
    "did not find expected '-' indicator": (
        "a line inside a list that is not a '- ' item (check the indentation)"
    ),
    "found character that cannot start any token": (
        "a character that cannot start a value (such as '@', '`' or a tab; quote the value, "
        "indent with spaces)"
    ),
    "found unexpected end of stream": "a quoted string is not closed",
    "found unexpected document indicator": "a quoted string is not closed before a '---' line",
    "found unknown escape character": (
        "an unknown escape in a double-quoted string (write \\\\ for a backslash, or use single "
        "quotes)"
    ),
    "found unexpected ':'": "a ':' that cannot appear here (quote the value that holds it)",
    "did not find expected <document start>": (
        "unexpected text after the end of the document (a stray closing bracket?)"
    ),
    "found undefined alias": "an alias ('*name') with no anchor ('&name') before it",
    "block sequence entries are not allowed": (
        "a '- ' list item where a key was expected (check the indentation)"
    ),
    "did not find expected node content": "a value is missing, or cannot start here",
    "found a tab character": "a tab where YAML expects spaces (indent with spaces)",
}


class _Refused(Exception):
    """A document that may not be built (bad tag, alias bomb, depth); carries its CE004 problem."""

    def __init__(self, problem: ParseProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _mark_span(lines: LineIndex, node: Any) -> Span:
    """A node's span from its character offsets: lines are celint's
    (:data:`celint.model.LINE_BREAK`), not ruamel's, which breaks at NEL and LS too."""
    return lines.span(node.start_mark.index, node.end_mark.index)


def _too_deep(limit: int) -> str:
    return f"nested deeper than {limit} levels (the max_depth limit)"


class _Loader:
    """What ruamel's composer asks of its loader: a parser, a resolver and a depth limit."""

    def __init__(self, parser: Any) -> None:
        # The plain YAML 1.2 resolver: this loader has no scanner for VersionedResolver to read
        # a %YAML directive from, so it would resolve by 1.2 too, re-deriving the version
        # (through two caught AttributeErrors) for every node.
        from ruamel.yaml.resolver import Resolver

        self._parser = parser
        self._resolver = Resolver(loadumper=self)
        self.max_depth = 0  # ruamel's own limit counts scalars too; DepthComposer's is exact

    def release(self) -> None:
        """Let go of the parser once the text is composed. The composer and the resolver hold
        this loader in reference cycles, so the C parser and its buffers would otherwise wait
        for the next full garbage collection: memory grew by ~2 MiB over the first thousand
        YAML files of a run, out of sight of Python's own accounting."""
        self._parser = None


def _c_parser(text: str) -> Any | None:
    """ruamel's C parser (libyaml), or None where the C extension is missing (PyPy)."""
    try:
        from _ruamel_yaml import CParser
    except ImportError:
        return None
    return CParser(text)


def _pure_parser(text: str) -> Any:
    """ruamel's pure-Python parser (YAML 1.2); it checks the whole text's characters first."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).get_constructor_parser(text)[1]


class _DepthLimit(Exception):
    """A collection starts deeper than the limit; ``mark`` is where."""

    def __init__(self, mark: Any) -> None:
        super().__init__("too deep")
        self.mark = mark


@functools.cache
def _depth_composer() -> type:
    """ruamel's composer, refusing a collection that would sit deeper than ``max_depth``
    (a class made once, on the first YAML file, so that JSON-only runs never import ruamel)."""
    from ruamel.yaml.composer import Composer
    from ruamel.yaml.events import MappingStartEvent, SequenceStartEvent

    class DepthComposer(Composer):
        max_depth = DEFAULT_OPTIONS.max_depth
        # The collections around the node about to be composed. Counted here: ruamel's own
        # ``depth`` exists only from 0.19 on, and celint supports 0.18.
        nesting = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.nesting >= self.max_depth and self.parser.check_event(
                SequenceStartEvent, MappingStartEvent
            ):
                raise _DepthLimit(self.parser.peek_event().start_mark)
            self.nesting += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.nesting -= 1

    return DepthComposer


def _compose(parser: Any, max_depth: int) -> list[Any]:
    """Every document's root node (None for an empty document), composed from ``parser``."""
    composer = _depth_composer()(loader=_Loader(parser))
    composer.max_depth = max_depth
    composer.warn_double_anchors = False
    nodes = []
    try:
        while composer.check_node():
            nodes.append(composer.get_node())
    finally:
        composer.loader.release()
    return nodes


def _compose_all(text: str, max_depth: int, yaml_1_2: bool) -> tuple[list[Any], bool]:
    """The root nodes by libyaml, or, with ``yaml_1_2``, by the pure parser when libyaml
    rejects a text of up to :data:`PURE_RETRY_LIMIT` characters (see the module's docstring);
    when both reject it, libyaml's error is raised. The flag says the pure parser read it."""
    from ruamel.yaml.error import YAMLError

    parser = _c_parser(text) if text.isascii() or _encodable(text) else None
    if parser is None:
        return _compose(_pure_parser(text), max_depth), False
    try:
        return _compose(parser, max_depth), False
    except YAMLError as rejected:
        if not yaml_1_2 or len(text) > PURE_RETRY_LIMIT:
            raise
        try:
            return _compose(_pure_parser(text), max_depth), True
        except YAMLError:
            raise rejected from None


def _encodable(text: str) -> bool:
    """Whether the C parser can take ``text``: it encodes it as UTF-8, which a lone surrogate
    (from :func:`celint.lint_text`; decoded files have none) cannot be."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _mark_problem(rule: Rule, message: str, lines: LineIndex, mark: Any) -> ParseProblem:
    return ParseProblem(rule, message, lines.span(mark.index, mark.index + 1))


def _syntax_problem(exc: Exception, text: str, lines: LineIndex) -> ParseProblem:
    """CE001 for a parser's error, in celint's words, at the line and column it names."""
    from ruamel.yaml.reader import ReaderError

    if isinstance(exc, ReaderError):
        # libyaml counts this position in UTF-8 bytes and the pure parser in characters; the
        # character itself is the same, and its first occurrence is the one both stopped at.
        offset = max(0, text.find(chr(exc.character)))
        message = (
            f"invalid YAML: the character U+{exc.character:04X} is not allowed (YAML text is "
            "printable characters, tabs and line breaks)"
        )
        return ParseProblem(PARSE_ERROR, message, lines.span(offset, offset + 1))
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or "not valid YAML"
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    nicer = next((v for k, v in _NICER.items() if problem.startswith(k)), " ".join(problem.split()))
    offset = mark.index if mark is not None else 0
    return ParseProblem(PARSE_ERROR, f"invalid YAML: {nicer}", lines.span(offset, offset + 1))


def _tag_problem(tag: str, pointer: str) -> str:
    """A refused tag, named unless it sits at a secret field (where it may be the secret)."""
    if is_secret_pointer(pointer):
        return "a YAML tag at a secret field is not plain data (the tag is not shown)"
    return f"YAML tag {tag!r} is not plain data"


def load_yaml(
    text: str,
    max_depth: int = DEFAULT_OPTIONS.max_depth,
    max_alias_nodes: int = DEFAULT_OPTIONS.max_alias_nodes,
    *,
    yaml_1_2: bool = True,
) -> ParseResult:
    """Parse every document of a YAML stream; syntax errors are CE001 at the parser's mark,
    nesting deeper than ``max_depth`` is CE004. Without ``yaml_1_2``, what libyaml rejects is
    not read again (the fixer's check that a fix leaves a file every YAML tool reads)."""
    from ruamel.yaml.error import YAMLError

    result = ParseResult()
    lines = LineIndex(text)
    try:
        nodes, result.only_yaml_1_2 = _compose_all(text, max_depth, yaml_1_2)
    except _DepthLimit as exc:
        result.problems.append(
            _mark_problem(UNREADABLE_INPUT, _too_deep(max_depth), lines, exc.mark)
        )
        return result
    except YAMLError as exc:
        result.problems.append(_syntax_problem(exc, text, lines))
        return result
    for index, node in enumerate(nodes):
        if node is None:
            continue
        builder = _Builder(index, lines, max_depth, max_alias_nodes)
        try:
            value = builder.build(node, "", 0)
        except _Refused as refused:
            result.problems.append(refused.problem)
            continue
        document = Document(value, builder.located, index, _mark_span(lines, node))
        document.aliases = builder.aliases
        result.documents.append(document)
        result.problems.extend(builder.problems)
    return result


class _Builder:
    """Builds plain values from one document's nodes and records, for each value, its node and
    its key's node; spans are made from them only when a finding asks for a position."""

    def __init__(self, index: int, lines: LineIndex, max_depth: int, max_alias_nodes: int) -> None:
        self.index = index
        self.lines = lines
        self.max_depth = max_depth
        self.max_alias_nodes = max_alias_nodes
        self.nodes: dict[str, tuple[Any, Any]] = {}
        #: Value nodes a repeated key overrode, by the member's pointer (masked too).
        self.overridden: dict[str, list[Any]] = {}
        #: Pointer reached through an alias -> pointer where its node was first built.
        self.aliases: dict[str, str] = {}
        self.first: dict[int, str] = {}
        self.problems: list[ParseProblem] = []
        self.built: set[int] = set()
        self.repeated = 0
        self.active: set[int] = set()

    def located(self) -> dict[str, Located]:
        """The span table, made on the first position asked for from the recorded nodes."""
        span = functools.partial(_mark_span, self.lines)
        return {
            pointer: Located(
                span(node),
                span(key) if key is not None else None,
                tuple(span(earlier) for earlier in self.overridden.get(pointer, ())),
            )
            for pointer, (node, key) in self.nodes.items()
        }

    def refuse(self, node: Any, message: str, pointer: str) -> _Refused:
        span = _mark_span(self.lines, node)
        return _Refused(ParseProblem(UNREADABLE_INPUT, message, span, pointer, self.index))

    def count(self, node: Any, pointer: str) -> None:
        """Bound alias expansion: every node built a second time (through an alias) counts, so
        a large plain file is never refused and a "billion laughs" stops after the limit."""
        if id(node) not in self.built:
            self.built.add(id(node))
            self.first[id(node)] = pointer
            return
        self.aliases[pointer] = self.first[id(node)]
        self.repeated += 1
        if self.repeated > self.max_alias_nodes:
            message = (
                f"more than {self.max_alias_nodes} values once aliases are expanded "
                "(a YAML alias bomb?)"
            )
            raise self.refuse(node, message, pointer)

    def build(self, node: Any, pointer: str, depth: int, key: Any = None) -> Any:
        """The plain value of ``node``; ``key`` is the node of its key in a mapping."""
        self.count(node, pointer)
        if node.id != "scalar" and depth >= self.max_depth:
            raise self.refuse(node, _too_deep(self.max_depth), pointer)
        if id(node) in self.active:
            raise self.refuse(node, "an alias refers to a node that contains it", pointer)
        if pointer in self.nodes:  # a repeated key: this value overrides the earlier one
            self.overridden.setdefault(pointer, []).append(self.nodes[pointer][0])
        self.nodes[pointer] = (node, key)
        tag = node.tag or ""
        if node.id == "scalar":
            return self.scalar(node, tag, pointer)
        self.active.add(id(node))
        try:
            if node.id == "sequence" and tag in (_CORE + "seq", ""):
                return [
                    self.build(item, jp.join(pointer, i), depth + 1)
                    for i, item in enumerate(node.value)
                ]
            if node.id == "mapping" and tag in (_CORE + "map", ""):
                return self.mapping(node, pointer, depth)
        finally:
            self.active.discard(id(node))
        raise self.refuse(node, _tag_problem(tag, pointer), pointer)

    def mapping(self, node: Any, pointer: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _CORE + "merge":
                raise self.refuse(key_node, "YAML merge keys ('<<') are not plain data", pointer)
            if key_node.id != "scalar":
                raise self.refuse(key_node, "a mapping key must be a plain string", pointer)
            key = (
                key_node.value
                if key_node.tag == _CORE + "str"
                else self.scalar(key_node, key_node.tag, pointer)
            )
            key = key if isinstance(key, str) else _key_text(key)
            member = jp.join(pointer, key)
            if key in seen:
                first = _mark_span(self.lines, seen[key])
                self.problems.append(
                    ParseProblem(
                        DUPLICATE_KEY,
                        f"duplicate key {key!r}: first defined at line {first.line}, column "
                        f"{first.column}; the platform silently keeps only one of them",
                        _mark_span(self.lines, key_node),
                        member,
                        self.index,
                    )
                )
            seen[key] = key_node
            result[key] = self.build(value_node, member, depth + 1, key_node)
        return result

    def scalar(self, node: Any, tag: str, pointer: str) -> Any:
        text: str = node.value
        kind = tag[len(_CORE) :] if tag.startswith(_CORE) else None
        if kind in ("str", "timestamp"):
            return text
        if kind == "null":
            return None
        if kind == "bool":
            return text.lower() == "true"
        if kind == "int":
            try:
                return _int(text)
            except _LongNumber:
                raise self.refuse(node, numbers.message(), pointer) from None
        if kind == "float":
            return _float(text)
        raise self.refuse(node, _tag_problem(tag, pointer), pointer)


def _key_text(key: Any) -> str:
    """How a non-string scalar key reads as a JSON object key (``true``, ``1``, ``null``)."""
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


class _LongNumber(Exception):
    """An integer longer than Python converts (see :mod:`celint.parse.numbers`)."""


def _int(text: str) -> int | str:
    """The integer a YAML int scalar stands for (the text itself if it is not one after all);
    raises _LongNumber for one too long to convert or to print."""
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    body = digits.lstrip("+-")
    prefixed = body[:2].lower() in ("0o", "0x", "0b")
    limit = numbers.digit_limit()
    if not prefixed and limit and len(body) > limit:
        raise _LongNumber
    try:
        value = sign * int(body, 0 if prefixed else 10)
    except ValueError:
        return text
    if prefixed and not numbers.fits(value):
        raise _LongNumber
    return value


def _float(text: str) -> float | str:
    lowered = text.lower().replace("_", "")
    if lowered.lstrip("+-") in (".inf", "inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered in (".nan", "nan"):
        return math.nan
    try:
        return float(lowered)
    except ValueError:
        return text
