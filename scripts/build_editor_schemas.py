"""Write the editor schemas: ``python scripts/build_editor_schemas.py [--check]``.

Reads the source schemas in ``schemas/`` (every ``*.schema.json`` outside ``dist/``) and writes
``schemas/dist/instance.schema.json`` and one ``schemas/dist/<element-key>.schema.json`` per
element schema (see :mod:`celint.schema.editor`). The generated files are committed, because
editors load them by path; ``--check`` writes nothing and exits 1 when one is missing, stale or
left over, so CI and a test catch a source edit without a rebuild.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from celint.schema.editor import build

ROOT = Path(__file__).resolve().parents[1]
DIST = "dist"


def load_sources(folder: Path) -> dict[str, dict[str, Any]]:
    """Every source schema by its path relative to ``folder``, the generated ones left out."""
    return {
        path.relative_to(folder).as_posix(): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*.schema.json"))
        if path.relative_to(folder).parts[0] != DIST
    }


def stale(folder: Path) -> tuple[dict[str, str], list[str]]:
    """The files ``dist/`` should hold, and the names of those that differ from it (missing,
    changed, or there but no longer generated)."""
    wanted = build(load_sources(folder))
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
