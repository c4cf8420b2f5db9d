"""Integers too long to convert: a CE004 finding at the number, never a crash.

Python converts between ``int`` and decimal text only up to ``sys.get_int_max_str_digits()``
digits (4,300 unless configured otherwise: a guard against conversions that take quadratic
time), in ``json.loads`` and wherever a message prints the number. No instance setting is a
number that long, so a file holding one is unreadable input (CE004), placed at the number.
"""

from __future__ import annotations

import re
import sys


def digit_limit() -> int:
    """The most decimal digits Python converts (0: no limit)."""
    return sys.get_int_max_str_digits()


def message() -> str:
    return (
        f"number too long: an integer of more than {digit_limit():,} digits (the most Python "
        "converts; no setting is a number that long)"
    )


def fits(value: int) -> bool:
    """Whether ``value`` (built from hexadecimal, octal or binary text, which has no limit) can
    be printed in decimal, as every message and output format would."""
    try:
        str(value)
    except ValueError:
        return False
    return True


def first_long_json_integer(text: str) -> int | None:
    """The offset of the first JSON integer (not a string, not a fraction or exponent) with more
    digits than Python converts, or None."""
    limit = digit_limit()
    if not limit:
        return None
    # Possessive, and never starting inside a run of digits: linear even on a megabyte of them.
    pattern = re.compile(rf'"(?:[^"\\]++|\\.)*+"|(?<!\d)-?\d{{{limit + 1},}}+(?![.eE])')
    return next((m.start() for m in pattern.finditer(text) if m.group()[0] != '"'), None)
