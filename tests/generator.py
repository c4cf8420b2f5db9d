"""The element profile generator (``scripts/build_elements.py``) loaded as a module, for the
tests that build profiles from a catalogue and overrides of their own."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT.parent / "shared" / "catalogue" / "catalogue.json"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_elements", ROOT / "scripts" / "build_elements.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_elements"] = module
    spec.loader.exec_module(module)
    return module


gen = _load()
