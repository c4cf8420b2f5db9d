"""Judging the URLs of an instance body: well-formed, reachable by the platform, not the platform.

The platform stores any string as a callback URL and only fails later, when it tries to deliver
an event. These functions say, for one URL, what a delivery would run into; they use only
``urllib.parse`` and ``ipaddress``.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

WEB_SCHEMES = ("http", "https")

#: ``https;//``, ``https:/host`` and ``https//`` (and the same for http): one character wrong or
#: missing in the scheme's ``://``, so the intended URL is certain.
_SCHEME_TYPO = re.compile(r"^(https?)(?:;//|:/(?!/)|//)(?=[^/\s])", re.IGNORECASE)

#: Names that resolve only inside a machine or a private network.
LOCAL_NAMES = ("localhost",)
LOCAL_SUFFIXES = (".localhost", ".local", ".internal")

#: The Cloud Elements API's own domains (US and EU): an event callback there is the platform
#: calling itself.
PLATFORM_DOMAINS = ("cloud-elements.com", "cloud-elements.co.uk")

#: Address classes the platform cannot deliver to, most specific first (0.0.0.0 is also private).
_ADDRESS_KINDS = (
    ("unspecified", "an unspecified address"),
    ("loopback", "a loopback address"),
    ("link_local", "a link-local address"),
    ("private", "a private address"),
    ("multicast", "a multicast address"),
    ("reserved", "a reserved address"),
)


def is_url_key(key: str) -> bool:
    """A configuration key whose value is a URL by its name (``oauth.callback.url``,
    ``base.url``, ``helpdesk.servicecloud.endpointurl``, ``baseUrl``)."""
    return key.lower().endswith("url")


def scheme_typo_fix(url: str) -> str | None:
    """The URL with a misspelt ``://`` repaired, when the typo is one of the unambiguous ones."""
    match = _SCHEME_TYPO.match(url.strip())
    if match is None:
        return None
    return f"{match.group(1).lower()}://{url.strip()[match.end() :]}"


def split(url: str) -> SplitResult | None:
    """The parts of an absolute http(s) URL with a host, or None when it is not one."""
    return None if malformed_reason(url) else urlsplit(url.strip())


def malformed_reason(url: str) -> str | None:
    """Why ``url`` is not an absolute http(s) URL with a host, or None when it is one."""
    text = url.strip()
    if not text:
        return "it is empty"
    if len(text.split(maxsplit=1)) > 1:  # whitespace inside (str.split's is str.isspace's)
        return "it contains whitespace"
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - reading the port validates it
    except ValueError as exc:
        return f"it cannot be parsed ({exc})"
    if not parts.scheme:
        return "it has no scheme (https://)"
    if parts.scheme.lower() not in WEB_SCHEMES:
        return f"its scheme is {parts.scheme!r}, not http or https"
    if not parts.hostname:
        return "it has no host"
    return None


def host(parts: SplitResult) -> str:
    """The host name, lower-case, without brackets or a trailing dot."""
    return (parts.hostname or "").rstrip(".").lower()


def not_public_reason(name: str) -> str | None:
    """Why the platform, on the public internet, cannot reach ``name``; None when it can."""
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        if name in LOCAL_NAMES or name.endswith(LOCAL_SUFFIXES):
            return "a name that resolves only on your machine or network"
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for kind, words in _ADDRESS_KINDS:
        if getattr(address, f"is_{kind}"):
            return words
    return None if address.is_global else "an address that is not public"


def is_platform_host(name: str) -> bool:
    """True for the Cloud Elements API's own hosts (``api.cloud-elements.com`` and the like)."""
    return any(name == domain or name.endswith("." + domain) for domain in PLATFORM_DOMAINS)
