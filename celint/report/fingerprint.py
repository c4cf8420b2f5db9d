"""Fingerprints that identify a finding across runs, for GitLab Code Quality and SARIF.

A fingerprint hashes the file path, the rule code, the JSON Pointer and an occurrence index
(the n-th finding with the same path, code and pointer), never the line: inserting lines above
a finding keeps its fingerprint, so CI systems do not see it as fixed and reintroduced.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from celint.model import Diagnostic, relative


def fingerprints(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """One hex fingerprint per diagnostic, in order; equal findings get distinct indices."""
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for d in diagnostics:
        key = (relative(d.path), d.code, d.pointer)
        index = seen[key]
        seen[key] += 1
        text = "\0".join((*key, str(index)))
        # surrogatepass: a lone surrogate (from a JSON escape) hashes too, as its UTF-16 value
        result.append(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    return result
