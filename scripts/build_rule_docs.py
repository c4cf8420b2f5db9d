"""Write the rule pages: ``python scripts/build_rule_docs.py [--check]``.

Writes ``docs/rules/CEnnn.md`` (one page per rule: title, severity, whether ``--fix`` fixes it,
then the rule's docstring) and ``docs/rules/README.md`` (the index), all rendered by
:func:`celint.report.rule_docs.rule_pages`. The pages are committed, because their URLs
(:func:`celint.report.rule_docs.doc_url`) are what SARIF viewers and ``celint explain`` link to;
``--check`` writes nothing and exits 1 when a page is missing, stale or left over, so CI and a
test catch a docstring edit without a rebuild.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from celint.report.rule_docs import DOCS_FOLDER, rule_pages
from celint.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]


def stale(folder: Path) -> tuple[dict[str, str], list[str]]:
    """The files ``folder`` should hold, and the names of those that differ from it (missing,
    changed, or there but no longer generated)."""
    wanted = rule_pages(all_rules())
    present = {path.name for path in folder.glob("*.md")} if folder.is_dir() else set()
    differ = [
        name
        for name in sorted(wanted.keys() | present)
        if name not in wanted
        or not (folder / name).is_file()
        or (folder / name).read_text(encoding="utf-8") != wanted[name]
    ]
    return wanted, differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when stale")
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / DOCS_FOLDER,
        help=f"the pages' folder (default: {DOCS_FOLDER}/)",
    )
    args = parser.parse_args(argv)
    folder: Path = args.out
    wanted, differ = stale(folder)
    if args.check:
        for name in differ:
            print(f"{folder / name} is stale: run python scripts/build_rule_docs.py")
        return 1 if differ else 0
    folder.mkdir(parents=True, exist_ok=True)
    for name in differ:
        target = folder / name
        if name in wanted:
            target.write_text(wanted[name], encoding="utf-8", newline="\n")
            print(f"wrote {target}")
        else:
            target.unlink()
            print(f"removed {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
