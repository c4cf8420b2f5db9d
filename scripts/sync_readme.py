"""Rewrite the README's generated tables: ``python scripts/sync_readme.py``.

The rule table (from the registry) sits between the ``<!-- rules:start -->`` and
``<!-- rules:end -->`` markers, the element catalogue's summary (from the committed profiles,
as ``scripts/build_elements.py --summary`` prints it from the catalogue) between
``<!-- elements:start -->`` and ``<!-- elements:end -->``; a test fails when either is stale.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import build_elements

from celint.report.rule_docs import rules_markdown
from celint.rules import all_rules

README = Path(__file__).resolve().parents[1] / "README.md"


def block(name: str) -> re.Pattern[str]:
    """The generated part of the README between ``name``'s markers (markers kept)."""
    return re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.DOTALL)


def _between(table: str) -> Callable[[re.Match[str]], str]:
    """The replacement that puts ``table`` between a block's two markers."""
    return lambda match: match.group(1) + table + match.group(2)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    tables = {"rules": rules_markdown(all_rules()), "elements": build_elements.committed_summary()}
    for name, table in tables.items():
        text = block(name).sub(_between(table), text)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
