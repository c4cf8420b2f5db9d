"""Rewrite the README's rule table from the registry: ``python scripts/sync_readme.py``.

The table sits between the ``<!-- rules:start -->`` and ``<!-- rules:end -->`` markers; a test
fails when it is stale.
"""

from __future__ import annotations

import re
from pathlib import Path

from celint.report.rule_docs import rules_markdown
from celint.rules import all_rules

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"(<!-- rules:start -->\n).*?(<!-- rules:end -->)", re.DOTALL)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    updated = BLOCK.sub(lambda m: m.group(1) + rules_markdown(all_rules()) + m.group(2), text)
    README.write_text(updated, encoding="utf-8")


if __name__ == "__main__":
    main()
