"""The bundled JSON Schemas are a product of their own: each must be a valid
Draft 2020-12 schema, and their `$ref`s must resolve offline, between the files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bodies import valid_body
from jsonschema import Draft202012Validator

from celint.schema import registry as schemas

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
# The body schemas; schemas/dist/ holds the generated editor schemas (tests/test_editor_schemas.py)
# and schemas/elements/ also holds data (the element catalogue, its index, the QuickBooks profile)
# whose format (profile.format.json) is tested in test_catalogue_data.py.
SCHEMA_FILES = sorted(p for p in SCHEMA_DIR.rglob("*.schema.json") if p.parent.name != "dist")

BODY = valid_body()


def test_there_are_schemas() -> None:
    names = {path.relative_to(SCHEMA_DIR).as_posix() for path in SCHEMA_FILES}
    assert {
        "instance.schema.json",
        "events.schema.json",
        "elements/quickbooks.schema.json",
    } <= names


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.relative_to(SCHEMA_DIR).as_posix())
def test_schema_is_valid_2020_12(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == schemas.BASE_URI + path.relative_to(SCHEMA_DIR).as_posix()


def test_refs_resolve_through_the_element_schema() -> None:
    validator = schemas.validator("elements/quickbooks.schema.json")
    assert list(validator.iter_errors(BODY)) == []
    # Errors found through each $ref: instance -> events (configuration), and the element's
    # own $defs (providerData shape). The resource list is the profile's, judged by the rules.
    broken = json.loads(json.dumps(BODY))
    broken["configuration"]["event.vendor.type"] = "push"
    broken["configuration"]["event.poller.urls"] = "bills,invoices"
    del broken["providerData"]["realmId"]
    paths = sorted("/".join(map(str, e.absolute_path)) for e in validator.iter_errors(broken))
    assert paths == ["configuration/event.vendor.type", "providerData"]


def test_every_schema_accepts_its_part_of_a_valid_body() -> None:
    part = {"events.schema.json": BODY["configuration"]}
    for path in schemas.load_all():
        schemas.validator(path).validate(part.get(path, BODY))


def _layout(root: Path, *schema_folders: str) -> Path:
    package = root / "celint"
    package.mkdir(parents=True)
    for folder in schema_folders:
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "instance.schema.json").write_text("{}")
    return package


def test_schema_dir_prefers_the_packaged_copy(tmp_path: Path) -> None:
    package = _layout(tmp_path, "celint/schemas", "schemas")
    assert schemas.schema_dir(package) == package / "schemas"


def test_schema_dir_falls_back_to_the_source_checkout(tmp_path: Path) -> None:
    package = _layout(tmp_path, "schemas")
    assert schemas.schema_dir(package) == tmp_path / "schemas"


def test_schema_dir_says_where_it_looked(tmp_path: Path) -> None:
    package = _layout(tmp_path)
    with pytest.raises(FileNotFoundError, match="schemas are missing"):
        schemas.schema_dir(package)
