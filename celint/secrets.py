"""Secrets, and the values that stand in for them: the one home of "what must never be printed".

A value *is* a template placeholder, an environment reference or a literal; a field is a secret
field by its pointer. The spans of secret values come from the parse that produced the findings
(never from a second parse), and :func:`mask` hides them in any text a reporter quotes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

from celint import pointer as jp
from celint.model import Span
from celint.schema.keys import OAUTH_SECRET, SIGNATURE_KEY

_PLACEHOLDER = re.compile(
    r"<[A-Za-z_][^<>]*>"  # <CALLBACK_URL>
    r"|\{\{[^{}]*\}\}"  # {{ client_secret }}
    r"|%\{[A-Za-z_][^{}]*\}"  # %{api_secret}: Ruby / Python format fields
    r"|%\([A-Za-z_][^()]*\)[sdr]"  # %(api_secret)s
    r"|#\{[A-Za-z_][^{}]*\}"  # #{api_secret}: Ruby interpolation
    r"|(?<![A-Za-z0-9])[xX]{4,}(?![A-Za-z0-9])"  # xxxxxxxx
    r"|\b(?:INSERT|YOUR)_[A-Za-z0-9_]+"  # INSERT_KEY_HERE, YOUR_API_KEY
    r"|\b(?:insert|your)_[a-z0-9_]+"
    r"|^\s*\*+\s*$",  # ********: the platform's mask of a secret in GET /instances
)
_ENV_REFERENCE = re.compile(
    r"^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-[^}]*)?\}$|^\$[A-Za-z_][A-Za-z0-9_]*$"
)
#: ``${NAME}`` anywhere in a longer value (``https://${HOST}/events``), and its default part.
_EMBEDDED_REFERENCE = re.compile(
    r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?::?-(?P<default>[^}]*))?\}"
)
#: The platform's own placeholders in poller URLs (``${epoch}``, ``${gmtDate:…}``), which look
#: like environment references but are filled by the platform at each poll: every name the
#: element docs use (``${milliseconds}`` in LinkedIn's, ``${DateTimeZone:PST:…}`` so spelled in
#: one element's).
PLATFORM_NAMES = frozenset(
    {"epoch", "gmtDate", "date", "dateTimeZone", "DateTimeZone", "milliseconds"}
)

#: The password of a URL's user information (``https://user:PASSWORD@host``, also behind a
#: mistyped scheme such as ``https;//``): a secret in any value, whatever its key.
_URL_PASSWORD = re.compile(r"//[^/\s:@\"'\\]*:(?P<password>[^/\s@\"'\\]+)@")

SECRET_CONFIG_KEYS = frozenset({OAUTH_SECRET, SIGNATURE_KEY})
#: Last segments (split on ``.`` and ``_``) that make a key a secret field, alone or as the end
#: of a longer segment (``clientSecret``); ``token_id`` ends in ``id``, an identifier.
SECRET_WORDS = ("secret", "password", "token")
#: The API-key spellings, matched on the last dotted part (``hubspot.authorization.apikey``,
#: ``api_key``); ``oauth.api.key`` is an OAuth client id, not a secret.
API_KEY_WORDS = ("apikey", "api_key")
SECRET_PROVIDER_KEYS = frozenset({"code", "oauth_verifier"})


#: A character that every kind of placeholder holds (``xxxx`` aside): a string with none of
#: them is not searched at all, the answer for most values (a third of the cost).
_PLACEHOLDER_MARKS = frozenset("<{%#_*")
_XS = re.compile(r"[xX]{4}")


def is_placeholder(value: object) -> bool:
    """True for template text left in place: ``<...>``, ``{{...}}``, ``%{...}``, ``%(...)s``,
    ``#{...}``, ``xxxx``, ``YOUR_...``, and the platform's ``********`` mask."""
    if not isinstance(value, str):
        return False
    if _PLACEHOLDER_MARKS.isdisjoint(value) and _XS.search(value) is None:
        return False
    return _PLACEHOLDER.search(value) is not None


_MASK_VALUE = re.compile(r"\s*\*+\s*")


def is_mask(value: object) -> bool:
    """True for a value made only of ``*``: how ``GET /instances`` shows a secret."""
    return isinstance(value, str) and "*" in value and _MASK_VALUE.fullmatch(value) is not None


def is_env_reference(value: object) -> bool:
    """True for a whole-value environment reference: ``${QBO_SECRET}`` or ``$QBO_SECRET``."""
    return isinstance(value, str) and _ENV_REFERENCE.match(value.strip()) is not None


def references(value: object) -> list[tuple[str, str | None]]:
    """The environment references inside a string, as (name, default), platform names left
    out: ``https://${HOST}/e`` → ``[("HOST", None)]``."""
    if not isinstance(value, str) or "${" not in value:
        return []
    return [
        (match["name"], match["default"])
        for match in _EMBEDDED_REFERENCE.finditer(value)
        if match["name"] not in PLATFORM_NAMES
    ]


def is_literal(value: object) -> bool:
    """A value the rules may judge: present, neither a placeholder nor holding an environment
    reference (whole or embedded: its real value is only known at deployment)."""
    if not isinstance(value, str):
        return value is not None
    return not is_placeholder(value) and not (
        "$" in value and (is_env_reference(value) or references(value))
    )


def literal_default(value: object) -> bool:
    """True when an environment reference carries a literal default (``${C:-S3cr3t}``): the
    default is written in the file, so at a secret field it is a literal secret."""
    return any(
        default and default.strip() and not is_placeholder(default)
        for _, default in references(value)
    )


def url_password(value: object) -> tuple[int, int] | None:
    """Where a literal password sits in a URL's user information, or None (no password, or a
    ``${VAR}`` / placeholder in its place)."""
    if not isinstance(value, str) or "@" not in value:
        return None
    match = _URL_PASSWORD.search(value)
    if match is None or not is_literal(match["password"]):
        return None
    return match.span("password")


@functools.lru_cache(maxsize=4096)
def is_secret_key(key: str) -> bool:
    """True for a configuration key that names a secret (CE401)."""
    if key in SECRET_CONFIG_KEYS:
        return True
    lowered = key.lower()
    last_part = lowered.rsplit(".", 1)[-1]
    if last_part.endswith(API_KEY_WORDS):
        return True
    last = re.split(r"[._]", lowered)[-1]
    return last.endswith(SECRET_WORDS)


@functools.lru_cache(maxsize=8192)
def is_secret_pointer(pointer: str) -> bool:
    """True for the pointers of secret fields (CE401): their values are never printed.

    Configuration and providerData keys by :func:`is_secret_key` (providerData also ``code``
    and ``oauth_verifier``, the OAuth grants); an exported instance's ``token``.
    """
    parts = pointer.split("/")
    if len(parts) >= 3 and parts[-2] in ("configuration", "providerData"):
        key = jp.unescape(parts[-1])
        return is_secret_key(key) or (parts[-2] == "providerData" and key in SECRET_PROVIDER_KEYS)
    return (len(parts) >= 2 and parts[-1] == "token" and parts[-2].isdigit()) or pointer == "/token"


def _under_a_secret(pointer: str) -> bool:
    """True when ``pointer`` or one of its ancestors is a secret field."""
    while pointer:
        if is_secret_pointer(pointer):
            return True
        pointer = jp.parent(pointer)
    return False


def aliased(aliases: Mapping[str, str]) -> frozenset[str]:
    """The pointers that reach a secret field's value through a YAML alias (``*s`` where a
    secret field has ``&s``): that value is a secret there too."""
    return frozenset(
        pointer
        for pointer, original in aliases.items()
        if _under_a_secret(original) and not is_secret_pointer(pointer)
    )


def secret_pointers(value: Any, pointer: str = "") -> Iterator[str]:
    """The pointers of every secret value in ``value``, which sits at ``pointer``: not null and
    not a whole-value ``${VAR}`` reference, which names a secret without holding it (unless it
    carries a literal default)."""
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return
    for key, item in items:
        child = jp.join(pointer, key)
        if is_secret_pointer(child):
            if item is not None and (not is_env_reference(item) or literal_default(item)):
                yield child
        else:
            yield from secret_pointers(item, child)


def holds_secret(pointer: str, value: Any) -> bool:
    """True when the value at ``pointer`` is a secret or contains one: it is never printed."""
    return is_secret_pointer(pointer) or next(secret_pointers(value, pointer), None) is not None


MASK = "*"
#: How a masked value is printed where its length need not be kept: the same for every secret,
#: so the output tells nothing of the secret's length.
FIXED_MASK = "********"

#: A ``key: value`` or ``"key": value`` member anywhere on a line, for text that does not
#: parse: the key (quoted or not), then a quoted string (closed or not) or a plain value that
#: runs to a ``,``, ``}``, ``]``, a comment or the end of the line (any of the line breaks:
#: ``\n``, ``\r\n`` or a lone ``\r``).
_MEMBER = re.compile(
    r"""(?P<quote>["']?)(?P<key>[^\s"':,{}\[\]#]+)(?P=quote)[ \t]*:[ \t]*"""
    r"""(?P<value>"(?:[^"\\\r\n]|\\.)*"?|'(?:[^'\r\n]|'')*'?|[^\s,{}\[\]#][^,}\]\r\n]*?)"""
    r"""(?=[ \t]*(?:[,}\]]|[ \t]\#|[\r\n]|\Z))""",
)


def _names_a_secret(key: str) -> bool:
    return is_secret_key(key) or key in SECRET_PROVIDER_KEYS or key == "token"


def guessed_ranges(text: str) -> list[tuple[int, int]]:
    """Where a file that does not parse has no positions, every value that follows a key
    naming a secret, anywhere on a line, is masked (as offset ranges): over-masking a broken
    line beats printing a secret."""
    return [
        (match.start("value"), match.end("value"))
        for match in _MEMBER.finditer(text)
        if _names_a_secret(match["key"])
    ]


class Located(Protocol):
    """What :func:`spans` needs of a parsed document: its value and every located pointer."""

    value: Any

    def locations(self) -> Mapping[str, Any]: ...


def _holds_a_secret(source: str) -> bool:
    """Whether the text of a secret field's value holds one: not null, not a plain ``${VAR}``
    (which names a secret without holding it), unless it has a literal default."""
    word = source.strip().strip("\"'")
    if word in ("", "null", "~"):
        return False
    return not is_env_reference(word) or literal_default(word)


def spans(documents: Iterable[Located], text: str) -> list[Span]:
    """The spans of every secret field's value in parsed documents of ``text``: the value a
    key has now, the values a repeated key overrode, and the members of a repeated block
    that the later block left out (all from the parse that made the findings)."""
    found: list[Span] = []
    for document in documents:
        for pointer, located in document.locations().items():
            for span in (located.value, *located.earlier):
                source = text[span.offset : span.end_offset]
                if is_secret_pointer(pointer):
                    if _holds_a_secret(source):
                        found.append(span)
                    continue
                password = url_password(source) if _is_string(document, pointer) else None
                if password is not None:
                    found.append(_part(span, *password))
    return found


def _is_string(document: Located, pointer: str) -> bool:
    """Whether the value at ``pointer`` is a string (a URL in it may carry a password)."""
    try:
        return isinstance(jp.resolve(document.value, pointer), str)
    except KeyError:
        return False


def _part(span: Span, start: int, end: int) -> Span:
    """The part ``start:end`` of a value's span on its first line (a URL's password)."""
    return Span(
        span.line,
        span.column + start,
        span.line,
        span.column + end,
        span.offset + start,
        span.offset + end,
    )


def mask(text: str, secret_spans: Iterable[Span]) -> str:
    """``text`` with every secret value's characters replaced, line breaks kept (positions of
    everything else stay valid)."""
    chars = list(text)
    for span in secret_spans:
        for index in range(span.offset, span.end_offset):
            if chars[index] not in "\r\n":
                chars[index] = MASK
    return "".join(chars)


def collapse(text: str, secret_spans: Iterable[Span]) -> str:
    """``text`` with every secret value replaced by :data:`FIXED_MASK` (its line breaks kept):
    for a diff, where no position needs to hold and a mask must not tell a secret's length."""
    out, last = [], 0
    for start, end in _merged(secret_spans):
        out.append(text[last:start])
        out.append(FIXED_MASK + "".join(char for char in text[start:end] if char == "\n"))
        last = end
    out.append(text[last:])
    return "".join(out)


def _merged(secret_spans: Iterable[Span]) -> list[tuple[int, int]]:
    """The spans' offset ranges, sorted, overlapping ones joined."""
    ranges: list[tuple[int, int]] = []
    for start, end in sorted((s.offset, s.end_offset) for s in secret_spans):
        if ranges and start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    return ranges
