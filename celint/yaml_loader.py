"""YAML 1.2 through ruamel.yaml: compose the node tree (with marks), then build plain values.

Building values ourselves, rather than with ruamel's constructor, is what lets celint place a
duplicate key (CE002), refuse tags that are not plain data, and bound alias expansion (CE004)
without ever constructing an arbitrary object.
"""

from __future__ import annotations

import math
from typing import Any

from celint import pointer as jp
from celint.diagnostic import Span
from celint.document import Document, Located
from celint.parse_result import ParseProblem, ParseResult

_CORE = "tag:yaml.org,2002:"
MAX_NODES = 100_000
MAX_DEPTH = 64


class _Refused(Exception):
    """A document that may not be built (bad tag, alias bomb, depth); carries its CE004 problem."""

    def __init__(self, problem: ParseProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _mark_span(node: Any) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(
        start.line + 1, start.column + 1, end.line + 1, end.column + 1, start.index, end.index
    )


def _yaml() -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=False)


def load_yaml(text: str) -> ParseResult:
    """Parse every document of a YAML stream; syntax errors are CE001 at the parser's mark."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    result = ParseResult()
    try:
        nodes = list(_yaml().compose_all(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        span = (
            Span(
                mark.line + 1,
                mark.column + 1,
                mark.line + 1,
                mark.column + 2,
                mark.index,
                mark.index + 1,
            )
            if mark
            else None
        )
        result.problems.append(ParseProblem("CE001", f"invalid YAML: {problem}", span))
        return result
    except (YAMLError, RecursionError, ValueError) as exc:
        result.problems.append(ParseProblem("CE001", f"invalid YAML: {exc}", None))
        return result
    for index, node in enumerate(nodes):
        if node is None:
            continue
        builder = _Builder(index)
        try:
            value = builder.build(node, "", 0)
        except _Refused as refused:
            result.problems.append(refused.problem)
            continue
        result.documents.append(Document(value, builder.located, index, _mark_span(node)))
        result.problems.extend(builder.problems)
    return result


class _Builder:
    """Builds plain values from one document's nodes and records each value's spans."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.table: dict[str, Located] = {}
        self.problems: list[ParseProblem] = []
        self.count = 0
        self.active: set[int] = set()

    def located(self) -> dict[str, Located]:
        """The span table, filled while building (the marks come with the nodes anyway)."""
        return self.table

    def refuse(self, node: Any, message: str, pointer: str) -> _Refused:
        return _Refused(ParseProblem("CE004", message, _mark_span(node), pointer, self.index))

    def build(self, node: Any, pointer: str, depth: int, key: Span | None = None) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.refuse(
                node,
                f"more than {MAX_NODES} values once aliases are expanded (a YAML alias bomb?)",
                pointer,
            )
        if depth > MAX_DEPTH:
            raise self.refuse(node, f"nested deeper than {MAX_DEPTH} levels", pointer)
        if id(node) in self.active:
            raise self.refuse(node, "an alias refers to a node that contains it", pointer)
        self.table[pointer] = Located(_mark_span(node), key)
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
        raise self.refuse(node, f"YAML tag {tag!r} is not plain data", pointer)

    def mapping(self, node: Any, pointer: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, Span] = {}
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
            key_span = _mark_span(key_node)
            member = jp.join(pointer, key)
            if key in seen:
                first = seen[key]
                self.problems.append(
                    ParseProblem(
                        "CE002",
                        f"duplicate key {key!r}: first defined at line {first.line}, column "
                        f"{first.column}; the platform silently keeps only one of them",
                        key_span,
                        member,
                        self.index,
                    )
                )
            seen[key] = key_span
            result[key] = self.build(value_node, member, depth + 1, key_span)
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
            return _int(text)
        if kind == "float":
            return _float(text)
        raise self.refuse(node, f"YAML tag {tag!r} is not plain data", pointer)


def _key_text(key: Any) -> str:
    """How a non-string scalar key reads as a JSON object key (``true``, ``1``, ``null``)."""
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def _int(text: str) -> int | str:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    body = digits.lstrip("+-")
    try:
        if body[:2].lower() in ("0o", "0x", "0b"):
            return sign * int(body, 0)
        return sign * int(body, 10)
    except ValueError:
        return text


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
