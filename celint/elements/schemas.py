"""The editor-ready schema of an element: its body schema bundled with the facts of its profile.

``celint schema --element KEY`` builds it for any known element; ``schemas/dist/`` holds the
generic one and one per hand-made profile (the elements known in depth), built by
``scripts/build_editor_schemas.py`` and checked fresh by a test.
"""

from __future__ import annotations

from typing import Any

from celint.elements import store
from celint.elements.profiles import ElementProfile, profiles
from celint.schema import registry
from celint.schema.editor import ElementFacts, editor_schema, render


def facts(profile: ElementProfile) -> ElementFacts:
    """What the editor schema states of an element: its resource list only when it is closed
    (an editor error on an open list would be a false alarm), and its event types."""
    return ElementFacts(
        key=profile.key,
        resources=profile.resources if profile.resources_closed else (),
        separator=profile.separator,
        vendor_types=profile.vendor_types,
    )


def document(element: str | None) -> dict[str, Any]:
    """The editor schema of ``element`` (a known key), or the generic one for None."""
    if element is None:
        return editor_schema(registry.load_all(), registry.INSTANCE)
    profile = profiles()[element]
    return editor_schema(registry.load_all(), profile.schema, facts(profile))


def dist_files() -> dict[str, str]:
    """Every file of ``schemas/dist/``: the generic body, then each hand-made element."""
    files = {registry.INSTANCE: render(document(None))}
    for key in sorted(store.handmade()):
        files[f"{key}.schema.json"] = render(document(key))
    return files
