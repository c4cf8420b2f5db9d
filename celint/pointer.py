"""JSON Pointers (RFC 6901): the one way every stage names a value inside a document."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def escape(token: str) -> str:
    """Escape one reference token (``~`` before ``/``, as the RFC orders)."""
    if "~" not in token and "/" not in token:  # nearly every key: no copy made
        return token
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """Undo :func:`escape` (``~1`` first, so ``~01`` reads back as ``~1``)."""
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: str | int) -> str:
    """Append tokens to a pointer: ``join("/configuration", "event.vendor.type")``."""
    if len(tokens) == 1:  # the common call, without a generator
        return f"{pointer}/{escape(str(tokens[0]))}"
    return pointer + "".join("/" + escape(str(token)) for token in tokens)


def from_path(tokens: Iterable[str | int]) -> str:
    """Build a pointer from a path such as jsonschema's ``error.absolute_path``."""
    return join("", *tokens)


def split(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [unescape(token) for token in pointer[1:].split("/")]


def parent(pointer: str) -> str:
    """The pointer of the containing value ("" for the root and for top-level members)."""
    return pointer[: pointer.rfind("/")] if pointer else ""


def last(pointer: str) -> str:
    """The last reference token, unescaped: the key or index the pointer ends with."""
    tokens = split(pointer)
    return tokens[-1] if tokens else ""


def resolve(document: Any, pointer: str) -> Any:
    """The value a pointer names; ``KeyError`` when it names nothing."""
    value = document
    for token in split(pointer):
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            raise KeyError(pointer)
    return value
