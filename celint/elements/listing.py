"""``celint elements``: what celint knows of each element, and how sure it is."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from celint.elements import store
from celint.elements.profiles import ElementProfile, from_document


def _trusts(node: Any) -> Iterator[str]:
    """The trust level of every fact in a profile document."""
    if isinstance(node, dict):
        if isinstance(node.get("trust"), str):
            yield node["trust"]
        for value in node.values():
            yield from _trusts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _trusts(item)


def _row(profile: ElementProfile, document: Mapping[str, Any]) -> dict[str, Any]:
    trusts = Counter(_trusts(document))
    return {
        "key": profile.key,
        "name": profile.name,
        "hub": profile.hub,
        "origin": profile.origin,
        "auth_types": list(profile.auth_types),
        "event_types": [t for t in ("polling", "webhook") if profile.supports(t)],
        "resources": len(profile.resources),
        "resources_closed": profile.resources_closed,
        "facts": sum(trusts.values()),
        "confirmed": trusts["confirmed"],
        "stated": trusts["stated"],
    }


def rows() -> list[dict[str, Any]]:
    """One row per known element, by key."""
    return [_row(from_document(document), document) for _, document in store.all_documents()]


def as_json(found: list[dict[str, Any]]) -> str:
    return json.dumps(found, indent=2, ensure_ascii=False) + "\n"


def as_text(found: list[dict[str, Any]]) -> str:
    """An aligned table: key, name, hub, auth types, event types, facts (confirmed/stated)."""
    table = [("key", "name", "hub", "auth", "events", "facts (confirmed+stated)")]
    for row in found:
        sure = row["confirmed"] + row["stated"]
        table.append(
            (
                row["key"],
                row["name"] or "",
                row["hub"] or "",
                ",".join(row["auth_types"]) or "-",
                ",".join(row["event_types"]) or "-",
                f"{row['facts']} ({sure})",
            )
        )
    widths = [max(len(cells[i]) for cells in table) for i in range(len(table[0]) - 1)]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=False))
        + "  "
        + cells[-1]
        + "\n"
        for cells in table
    )
