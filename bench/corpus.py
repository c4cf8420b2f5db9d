"""A deterministic corpus of QuickBooks Online instance bodies for the benchmark.

Half the files are JSON and half YAML (alternating, so every prefix of the corpus is mixed), each
about 1 KB, written the way teams keep them in git. One file in ten carries exactly one defect
that both celint and a plain JSON Schema validator must report (a schema violation or a syntax
error), so both tools do their error paths too. The same seed always gives the same bytes.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from celint.elements.profiles import profiles

# The 22 pollable resources, as the bundled schema lists them.
RESOURCES = list(profiles()["quickbooks"].resources)
ENVIRONMENTS = ("production", "staging", "sandbox", "qa", "eu-west", "us-east", "finance")
_PLAIN = re.compile(r"[A-Za-z$][^\n]*[^\s:]")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}
SEED = 20240611

Body = dict[str, Any]


def _oauth2(rng: random.Random, body: Body) -> None:
    body["providerData"] = {
        "code": "${QBO_AUTHORIZATION_CODE}",
        "realmId": str(rng.randrange(10**14, 10**15)),
    }
    body["configuration"].update(
        {
            "authentication.type": "oauth2",
            "scope": "com.intuit.quickbooks.accounting openid profile email phone address",
        }
    )


def _oauth1(rng: random.Random, body: Body) -> None:
    body["providerData"] = {
        "oauth_token": "${QBO_OAUTH_TOKEN}",
        "oauth_verifier": "${QBO_OAUTH_VERIFIER}",
        "secret": "${QBO_OAUTH_TOKEN_SECRET}",
        "realmId": str(rng.randrange(10**14, 10**15)),
        "state": "quickbooks",
        "dataSource": "QBO",
    }


def _events(rng: random.Random, body: Body, host: str, polling: bool) -> None:
    config = body["configuration"]
    config["event.notification.enabled"] = True
    config["event.notification.callback.url"] = f"https://{host}/events/quickbooks"
    config["event.notification.signature.key"] = "${QBO_EVENTS_SIGNATURE_KEY}"
    if polling:
        config["event.vendor.type"] = "polling"
        config["event.poller.refresh_interval"] = rng.choice((5, 10, 15, 30, 60, "15"))
        config["event.poller.urls"] = "|".join(rng.sample(RESOURCES, rng.randint(2, 8)))
    else:
        config["event.vendor.type"] = "webhook"


def body(rng: random.Random, number: int, polling: bool = False) -> Body:
    """One clean, realistic QuickBooks body (OAuth 2.0 or 1.0); events by polling when asked
    or for about 60 % of bodies, else by webhook."""
    env = rng.choice(ENVIRONMENTS)
    host = f"{env}.app{number % 97}.example.com"
    result: Body = {
        "element": {"key": "quickbooks"},
        "providerData": {},
        "configuration": {
            "oauth.callback.url": f"https://{host}/oauth/quickbooks/callback",
            "oauth.api.key": "${QBO_CLIENT_ID}",
            "oauth.api.secret": "${QBO_CLIENT_SECRET}",
        },
        "tags": [env, f"team-{rng.choice('abcdefgh')}", f"tenant-{number:05d}"],
        "name": f"QuickBooks {env} tenant {number:05d}",
        "description": f"Accounting sync for tenant {number:05d} in {env}; owned by the "
        "integrations team, reviewed before every POST /instances.",
    }
    (_oauth2 if rng.random() < 0.7 else _oauth1)(rng, result)
    _events(rng, result, host, polling or rng.random() < 0.6)
    return result


def _set(path: tuple[str, ...], value: Any) -> Callable[[Body], None]:
    def apply(target: Body) -> None:
        node = target
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return apply


def _drop(key: str) -> Callable[[Body], None]:
    return lambda target: target.pop(key)


# Each defect is a schema violation that check-jsonschema reports too (same exit code 1).
# The poller defects go into polling bodies: in a webhook body, poller keys are a second problem.
POLLER_DEFECTS = (1, 2)
SCHEMA_DEFECTS: tuple[Callable[[Body], None], ...] = (
    _set(("configuration", "event.vendor.type"), "pollling"),
    _set(("configuration", "event.poller.refresh_interval"), "15m"),
    _set(("configuration", "event.poller.urls"), "bills|invoice|customers"),
    _drop("name"),
    _set(("tags",), "production"),
    _set(("element",), "quickbooks"),
)
SYNTAX_DEFECT = len(SCHEMA_DEFECTS)  # one more kind: the file does not parse


def to_json(value: Body, broken: bool) -> str:
    text = json.dumps(value, indent=2) + "\n"
    # A missing comma, the reference document's own mistake.
    return text.replace('",\n  "description"', '"\n  "description"', 1) if broken else text


def _yaml_scalar(value: Any) -> str:
    """Plain where a person would write it plain; double-quoted where YAML would misread it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    plain = (
        _PLAIN.fullmatch(value)
        and value.lower() not in _RESERVED
        and ": " not in value
        and " #" not in value
    )
    return value if plain else json.dumps(value)


def _yaml_lines(value: Any, indent: str) -> list[str]:
    lines: list[str] = []
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{indent}{key}:")
            lines.extend(_yaml_lines(item, indent + "  "))
        elif isinstance(item, list):
            lines.append(f"{indent}{key}:")
            lines.extend(f"{indent}  - {_yaml_scalar(entry)}" for entry in item)
        else:
            lines.append(f"{indent}{key}: {_yaml_scalar(item)}")
    return lines


def to_yaml(value: Body, broken: bool) -> str:
    header = [
        "# QuickBooks Online instance body, kept in git and posted by the deploy job.",
        "# Secrets are ${VAR} references that the pipeline substitutes.",
    ]
    lines = header + _yaml_lines(value, "")
    if broken:  # a mis-indented key: not valid YAML
        lines = [line.replace("  oauth.api.key:", "   oauth.api.key:") for line in lines]
    return "\n".join(lines) + "\n"


def file_name(number: int) -> str:
    """The relative path of file ``number``: JSON for even numbers, YAML for odd ones."""
    return f"qbo-{number:05d}.{'json' if number % 2 == 0 else 'yaml'}"


def has_defect(number: int) -> bool:
    """One file in ten, alternately YAML (9, 29, ...) and JSON (18, 38, ...); the first ten
    files have one defect, so the 10-file run has an error path too and file 0 is clean."""
    return number % 20 in (9, 18)


def defect_kind(number: int) -> int | None:
    """Which defect file ``number`` carries: an index into :data:`SCHEMA_DEFECTS`, or
    :data:`SYNTAX_DEFECT`; ``None`` for a clean file."""
    return (number // 10) % (len(SCHEMA_DEFECTS) + 1) if has_defect(number) else None


def parses(number: int) -> bool:
    """Whether file ``number`` is well-formed JSON or YAML: all but one file in seventy."""
    return defect_kind(number) != SYNTAX_DEFECT


def text(number: int) -> str:
    """The content of file ``number``, the same on every run."""
    rng = random.Random(SEED * 100_003 + number)
    kind = defect_kind(number)
    value = body(rng, number, polling=kind in POLLER_DEFECTS)
    broken = False
    if kind is not None:
        if kind == SYNTAX_DEFECT:
            broken = True
        else:
            SCHEMA_DEFECTS[kind](value)
    render = to_json if number % 2 == 0 else to_yaml
    return render(value, broken)


def write(folder: Path, count: int) -> list[str]:
    """Write files ``0 .. count-1`` into ``folder`` (kept when already there with the same
    content) and return their relative names in order."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for number in range(count):
        name = file_name(number)
        path = folder / name
        content = text(number)
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
        names.append(name)
    return names
