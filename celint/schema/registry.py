"""The bundled JSON Schemas: finding them, resolving their ``$ref``s offline, building validators.

The schemas are data shipped in the wheel (``celint/schemas``); a source checkout reads the
top-level ``schemas/`` folder instead. ``$ref``s resolve through a ``referencing`` registry built
from those files alone, so validation never touches the network.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from celint.schema.compiled import Compiled

BASE_URI = "https://celint.dev/schemas/"
INSTANCE = "instance.schema.json"


PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: Names a folder laid out like ``schemas/`` to read instead of the bundled one: for trying a
#: new element's profile or a schema change before it is shipped (and for the tests that do).
SCHEMA_DIR_VARIABLE = "CELINT_SCHEMA_DIR"


def schema_dir(here: Path = PACKAGE_DIR) -> Path:
    """``$CELINT_SCHEMA_DIR`` when set, else the packaged copy (wheel installs), else the source
    checkout's ``schemas/``.

    ``here`` is the package folder; tests pass another one to check both layouts.
    """
    chosen = os.environ.get(SCHEMA_DIR_VARIABLE)
    candidates = (Path(chosen),) if chosen else (here / "schemas", here.parent / "schemas")
    for candidate in candidates:
        if (candidate / INSTANCE).is_file():
            return candidate
    raise FileNotFoundError(f"celint's schemas are missing (looked in {candidates[0]})")


def is_packaged() -> bool:
    """True unless ``$CELINT_SCHEMA_DIR`` points at a data folder of the user's: the packaged
    data is checked by celint's own tests before it ships, a user's folder only when read."""
    return not os.environ.get(SCHEMA_DIR_VARIABLE)


@functools.cache
def load_all() -> dict[str, dict[str, Any]]:
    """Every bundled schema by its path relative to the schema folder, e.g. ``elements/x.json``."""
    root = schema_dir()
    return {
        path.relative_to(root).as_posix(): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(root.rglob("*.schema.json"))
        if path.relative_to(root).parts[0] != "dist"  # generated editor schemas, not sources
    }


@functools.cache
def _registry() -> Any:
    from referencing import Registry, Resource

    return Registry().with_resources(
        (BASE_URI + path, Resource.from_contents(schema)) for path, schema in load_all().items()
    )


@functools.cache
def validator(path: str = INSTANCE) -> Any:
    """A Draft 2020-12 validator for one bundled schema, built once per process.

    ``path`` may end in a fragment (``events.schema.json#/$defs/pollerConfiguration``) to
    validate a value that sits elsewhere, such as a JSON document held in a string.
    """
    from jsonschema import Draft202012Validator

    schema = {"$ref": BASE_URI + path} if "#" in path else load_all()[path]
    return Draft202012Validator(schema, registry=_registry())


@functools.cache
def compiled(path: str = INSTANCE) -> Compiled | None:
    """One bundled schema compiled into a check and a reporter (see :mod:`celint.schema.compiled`),
    or None when it uses a keyword the compiler does not implement (then jsonschema decides).

    ``path`` may end in a fragment, as for :func:`validator`.
    """
    from celint.schema.compiled import Compiler, Unsupported

    name, _, fragment = path.partition("#")
    compiler = Compiler({BASE_URI + other: schema for other, schema in load_all().items()})
    try:
        return compiler.reference(BASE_URI + name, fragment)
    except Unsupported:
        return None


def errors(body: Any, path: str = INSTANCE) -> Iterable[Any]:
    """The schema errors of ``body``: from the compiled schema when it compiled (a valid body
    costs one yes/no check, and jsonschema is never imported), else from jsonschema."""
    found = compiled(path)
    if found is None:
        reference: Iterable[Any] = validator(path).iter_errors(body)
        return reference
    return () if found.check(body) else found.report(body, (), ())
