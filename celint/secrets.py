"""What a configuration value *is*: a template placeholder, an environment reference, a secret."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from celint import pointer as jp

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

SECRET_CONFIG_KEYS = frozenset({"oauth.api.secret", "event.notification.signature.key"})
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
        key = parts[-1].replace("~1", "/").replace("~0", "~")
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
