"""Hypothesis profiles for every property-based test module: ``dev`` (default), ``ci`` (when
``CI`` is set: fixed budget, derandomized, so a CI run is repeatable) and ``fuzz`` for a long
run (``HYPOTHESIS_PROFILE=fuzz pytest``)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", _COMMON, max_examples=60)
settings.register_profile("ci", _COMMON, max_examples=60, derandomize=True)
settings.register_profile("fuzz", _COMMON, max_examples=20_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.getenv("CI") else "dev"))
