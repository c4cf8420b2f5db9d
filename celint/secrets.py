"""Secrets, and the values that stand in for them: the one home of "what must never be printed".

A value *is* a template placeholder, an environment reference or a literal; a field is a secret
field by its pointer. The spans of secret values come from the parse that produced the findings
(never from a second parse), and :func:`mask` hides them in any text a reporter quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from celint import pointer as jp
from celint.model import Span
from celint.schema.keys import OAUTH_SECRET, SIGNATURE_KEY

_PLACEHOLDER = re.compile(
    r"<[A-Za-z_][^<>]*>"  # <CALLBACK_URL>
    r"|\{\{[^{}]*\}\}"  # {{ client_secret }}
    r"|(?<![A-Za-z0-9])[xX]{4,}(?![A-Za-z0-9])"  # xxxxxxxx
    r"|\b(?:INSERT|YOUR)_[A-Za-z0-9_]+"  # INSERT_KEY_HERE, YOUR_API_KEY
    r"|\b(?:insert|your)_[a-z0-9_]+",
)
_ENV_REFERENCE = re.compile(
    r"^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-[^}]*)?\}$|^\$[A-Za-z_][A-Za-z0-9_]*$"
)

SECRET_CONFIG_KEYS = frozenset({OAUTH_SECRET, SIGNATURE_KEY})
SECRET_SUFFIXES = (".secret", ".password", ".token")
SECRET_PROVIDER_KEYS = frozenset({"code", "secret", "oauth_verifier", "oauth_token_secret"})


def is_placeholder(value: object) -> bool:
    """True for template text left in place: ``<...>``, ``{{...}}``, ``xxxx``, ``YOUR_...``."""
    return isinstance(value, str) and _PLACEHOLDER.search(value) is not None


def is_env_reference(value: object) -> bool:
    """True for a whole-value environment reference: ``${QBO_SECRET}`` or ``$QBO_SECRET``."""
    return isinstance(value, str) and _ENV_REFERENCE.match(value.strip()) is not None


def is_literal(value: object) -> bool:
    """A value the rules may judge: present, neither a placeholder nor an environment reference."""
    return value is not None and not is_placeholder(value) and not is_env_reference(value)


def is_secret_pointer(pointer: str) -> bool:
    """True for the pointers of secret fields (SPEC 4, CE401): their values are never printed."""
    parts = pointer.split("/")
    if len(parts) >= 3 and parts[-2] == "configuration":
        key = jp.unescape(parts[-1])
        return key in SECRET_CONFIG_KEYS or key.endswith(SECRET_SUFFIXES)
    if len(parts) >= 3 and parts[-2] == "providerData":
        return parts[-1] in SECRET_PROVIDER_KEYS
    return (len(parts) >= 2 and parts[-1] == "token" and parts[-2].isdigit()) or pointer == "/token"


def secret_pointers(value: Any, pointer: str = "") -> Iterator[str]:
    """The pointers of every secret value in ``value``, which sits at ``pointer``: not null and
    not a whole-value ``${VAR}`` reference, which names a secret without holding it."""
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return
    for key, item in items:
        child = jp.join(pointer, key)
        if is_secret_pointer(child):
            if item is not None and not is_env_reference(item):
                yield child
        else:
            yield from secret_pointers(item, child)


def holds_secret(pointer: str, value: Any) -> bool:
    """True when the value at ``pointer`` is a secret or contains one: it is never printed."""
    return is_secret_pointer(pointer) or next(secret_pointers(value, pointer), None) is not None


MASK = "*"

# A ``key: value`` or ``"key": value`` line, for text that does not parse.
_MEMBER = re.compile(r"""(?m)^[ \t-]*["']?([^"':\n]+)["']?[ \t]*:[ \t]*(\S[^\n]*)$""")


def guessed_spans(text: str) -> list[Span]:
    """Where a file that does not parse has no positions, every value of a member whose key
    names a secret is masked: over-masking a broken line beats printing a secret."""
    return [
        Span(0, 0, 0, 0, match.start(2), match.end(2))
        for match in _MEMBER.finditer(text)
        if is_secret_pointer(f"/configuration/{match.group(1).strip()}")
        or is_secret_pointer(f"/providerData/{match.group(1).strip()}")
        or is_secret_pointer(f"/0/{match.group(1).strip()}")
    ]


class Located(Protocol):
    """What :func:`spans` needs of a parsed document: its value and the span of a pointer."""

    @property
    def value(self) -> Any: ...

    def span(self, pointer: str) -> Span | None: ...


def spans(documents: Iterable[Located]) -> list[Span]:
    """The spans of every secret value in parsed documents."""
    found: list[Span] = []
    for document in documents:
        for pointer in secret_pointers(document.value):
            span = document.span(pointer)
            if span is not None:
                found.append(span)
    return found


def mask(text: str, secret_spans: Iterable[Span]) -> str:
    """``text`` with every secret value's characters replaced, line breaks kept."""
    chars = list(text)
    for span in secret_spans:
        for index in range(span.offset, span.end_offset):
            if chars[index] not in "\r\n":
                chars[index] = MASK
    return "".join(chars)
