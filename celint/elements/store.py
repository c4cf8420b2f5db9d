"""Where element profiles live and how one is read: lazily, by key, checked against its format.

The profiles are data in the schema folder's ``elements/``: ``catalogue.json`` holds the
generated profiles (one compact line each), ``catalogue.index.json`` where each one starts, the
aliases and the hand-made profiles (``<key>.profile.json``), which win over a generated one.
A run that touches one element reads the index and one slice of the data file, never the
whole catalogue.

Every profile of a data folder given by ``$CELINT_SCHEMA_DIR`` is checked against
``profile.format.json`` when it is read (compiled once, as the body schemas are): a misspelt or
unknown key in a profile is an error, not a fact silently ignored. The packaged profiles are
checked by the test suite and by the pre-commit hook that rebuilds them, so a run does not
check them again (compiling the format cost ~8 ms, a tenth of a one-file run).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from celint.errors import CelintError
from celint.schema import registry

INDEX = "elements/catalogue.index.json"
FORMAT = "elements/profile.format.json"
HANDMADE_SUFFIX = ".profile.json"


class ProfileError(CelintError):
    """A profile file that does not follow the profile format (a bug in celint's data)."""


@functools.cache
def _index() -> Mapping[str, Any]:
    """The catalogue index, plus every hand-made ``elements/*.profile.json`` of the folder."""
    root = registry.schema_dir()
    path = root / INDEX
    index: dict[str, Any] = (
        json.loads(path.read_text(encoding="utf-8"))
        if path.is_file()
        else {"aliases": {}, "elements": {}, "handmade": {}}
    )
    handmade = dict(index.get("handmade", {}))
    for found in sorted((root / "elements").glob(f"*{HANDMADE_SUFFIX}")):
        handmade.setdefault(found.name.removesuffix(HANDMADE_SUFFIX), found.name)
    index["handmade"] = handmade
    return index


def keys() -> tuple[str, ...]:
    """Every element key celint has a profile for (aliases not included), sorted."""
    index = _index()
    return tuple(sorted({*index["elements"], *index["handmade"]}))


def aliases() -> Mapping[str, str]:
    """Other keys the docs use for an element: alias -> the profile's key."""
    found: Mapping[str, str] = _index()["aliases"]
    return found


def handmade() -> Mapping[str, str]:
    """The elements known in depth: key -> their hand-made profile file."""
    found: Mapping[str, str] = _index()["handmade"]
    return found


@functools.cache
def configuration_keys() -> frozenset[str]:
    """Every configuration key some profile documents (from the index: no profile is read)."""
    return frozenset(_index().get("configurationKeys", ()))


@functools.cache
def specific_keys() -> frozenset[str]:
    """The documented configuration keys that name their element (``zendesk.subdomain``):
    a sure sign of an instance body, unlike ``username`` or ``port``."""
    return frozenset(_index().get("specificKeys", ()))


def summary(key: str) -> Mapping[str, Any]:
    """What the index says of an element without reading its profile (name, hub)."""
    found: Mapping[str, Any] = _index()["elements"].get(key, {})
    return found


@functools.cache
def read(key: str) -> Mapping[str, Any] | None:
    """The profile document of ``key`` (or of the element it is an alias of); None when celint
    knows no such element. A hand-made profile wins over the generated one."""
    index = _index()
    key = index["aliases"].get(key, key)
    root = registry.schema_dir() / "elements"
    if key in index["handmade"]:
        document = json.loads((root / index["handmade"][key]).read_text(encoding="utf-8"))
    elif key in index["elements"]:
        start, length = index["elements"][key]["at"]
        with (root / index["data"]).open("rb") as handle:
            handle.seek(start)
            document = json.loads(handle.read(length))
    else:
        return None
    if not registry.is_packaged():
        _check(key, document)
    found: Mapping[str, Any] = document
    return found


def _check(key: str, document: Any) -> None:
    """Refuse a profile that does not follow the format: celint would misread it."""
    if not _format_check()(document):
        raise ProfileError(
            f"the profile of {key!r} does not follow {FORMAT}; run "
            "tests/test_catalogue_data.py to see where"
        )


@functools.cache
def _format_check() -> Any:
    """The compiled check of the profile format (jsonschema only if it stops compiling)."""
    from celint.schema.compiled import Compiler, Unsupported

    root = registry.schema_dir()
    document = json.loads((root / FORMAT).read_text(encoding="utf-8"))
    try:
        return Compiler({document["$id"]: document}).resource(document["$id"])
    except Unsupported:
        from jsonschema import Draft202012Validator

        return Draft202012Validator(document).is_valid


def clear() -> None:
    """Forget what was read (a test that points the schema folder elsewhere calls this)."""
    for cached in (_index, read, _format_check, configuration_keys, specific_keys):
        cached.cache_clear()


def folder() -> Path:
    """The folder the profiles are read from."""
    return registry.schema_dir() / "elements"


def all_documents() -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every profile, by key (reads the whole catalogue: for listings and tests, not runs)."""
    for key in keys():
        document = read(key)
        if document is not None:
            yield key, document
