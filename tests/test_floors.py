"""The dependency floors CI runs at (``ci/constraints-floor.txt``) are the ones pyproject.toml
declares, every one of them, so the floor run tests what users may really install."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from samples import ROOT

CONSTRAINTS = ROOT / "ci" / "constraints-floor.txt"
CI_RUN = ROOT / ".ci" / "run"


def declared_floors() -> dict[str, str]:
    """The build backend, each runtime dependency and the server extra's, with the version
    after its ``>=`` (the test and bench extras are tools, taken at their newest)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = [
        *project["build-system"]["requires"],
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["server"],
    ]
    floors = {}
    for text in requirements:
        requirement = Requirement(text)
        (floor,) = [spec for spec in requirement.specifier if spec.operator == ">="]
        floors[requirement.name.lower()] = floor.version
    return floors


def pinned() -> dict[str, str]:
    lines = CONSTRAINTS.read_text(encoding="utf-8").splitlines()
    pins = [line for line in lines if line and not line.startswith("#")]
    return {name.lower(): version for name, version in (pin.split("==") for pin in pins)}


def padded(version: str) -> tuple[int, ...]:
    parts = tuple(int(part) for part in version.split("."))
    return parts + (0,) * (3 - len(parts))


def test_constraints_pin_every_declared_floor() -> None:
    floors, pins = declared_floors(), pinned()
    assert set(pins) == set(floors)
    for name, floor in floors.items():
        assert padded(pins[name]) == padded(floor), name


def test_the_hatchling_floor_writes_the_license_expression() -> None:
    """hatchling 1.27 is the first that reads ``license = "MIT"`` with ``license-files`` as
    PEP 639 says (1.26 builds, but leaves the license out of the metadata; 1.25 and older
    refuse ``license-files`` as an array): the declared floor may not be lower."""
    assert padded(declared_floors()["hatchling"]) >= (1, 27, 0)
    assert re.search(r'^license = "MIT"$', (ROOT / "pyproject.toml").read_text(), re.MULTILINE)


def test_ci_runs_the_floors_and_every_supported_python() -> None:
    script = CI_RUN.read_text(encoding="utf-8")
    assert "-c ci/constraints-floor.txt" in script
    assert "--no-build-isolation" in script  # the wheel is built by the floor hatchling
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    assert 'SUPPORTED="3.11 3.12 3.13"' in script
