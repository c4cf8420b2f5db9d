"""Hypothesis profiles for every property-based test module: ``dev`` (default), ``ci`` (when
``CI`` is set: fixed budget, derandomized, so a CI run is repeatable) and ``fuzz`` for a long
run (``HYPOTHESIS_PROFILE=fuzz pytest``)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("dev", max_examples=60, **_COMMON)
settings.register_profile("ci", max_examples=60, derandomize=True, **_COMMON)
settings.register_profile("fuzz", max_examples=20_000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.getenv("CI") else "dev"))
