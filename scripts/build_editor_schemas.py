"""Write the editor schemas: ``python scripts/build_editor_schemas.py [--check]``.

Reads the source schemas and element profiles in ``schemas/`` and writes
``schemas/dist/instance.schema.json`` and one ``schemas/dist/<element-key>.schema.json`` per
hand-made element profile (see :mod:`celint.elements.schemas`; ``celint schema --element KEY``
builds any other element's). The generated files are committed, because
editors load them by path; ``--check`` writes nothing and exits 1 when one is missing, stale or
left over, so CI and a test catch a source edit without a rebuild.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from celint.elements import store
from celint.elements.schemas import dist_files
from celint.schema import registry

ROOT = Path(__file__).resolve().parents[1]
DIST = "dist"


def _built(folder: Path) -> dict[str, str]:
    """The dist files of the schemas and profiles in ``folder``."""
    previous = os.environ.get(registry.SCHEMA_DIR_VARIABLE)
    os.environ[registry.SCHEMA_DIR_VARIABLE] = str(folder)
    try:
        registry.load_all.cache_clear()
        store.clear()
        return dist_files()
    finally:
        if previous is None:
            del os.environ[registry.SCHEMA_DIR_VARIABLE]
        else:
            os.environ[registry.SCHEMA_DIR_VARIABLE] = previous
        registry.load_all.cache_clear()
        store.clear()


def stale(folder: Path) -> tuple[dict[str, str], list[str]]:
    """The files ``dist/`` should hold, and the names of those that differ from it (missing,
    changed, or there but no longer generated)."""
    wanted = _built(folder)
    out = folder / DIST
    present = {path.name for path in out.glob("*.json")} if out.is_dir() else set()
    differ = [
        name
        for name in sorted(wanted.keys() | present)
        if name not in wanted
        or not (out / name).is_file()
        or (out / name).read_text(encoding="utf-8") != wanted[name]
    ]
    return wanted, differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when stale")
    parser.add_argument(
        "--schemas", type=Path, default=ROOT / "schemas", help="source folder (default: schemas/)"
    )
    args = parser.parse_args(argv)
    folder: Path = args.schemas
    wanted, differ = stale(folder)
    out = folder / DIST
    if args.check:
        for name in differ:
            print(f"{out / name} is stale: run python scripts/build_editor_schemas.py")
        return 1 if differ else 0
    out.mkdir(exist_ok=True)
    for name in differ:
        target = out / name
        if name in wanted:
            target.write_text(wanted[name], encoding="utf-8", newline="\n")
            print(f"wrote {target}")
        else:
            target.unlink()
            print(f"removed {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
