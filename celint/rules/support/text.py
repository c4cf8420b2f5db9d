"""Shared by the rules: showing user text in messages without flooding the output."""


def clip(text: str, limit: int = 40) -> str:
    """``text`` shortened to ``limit`` characters for a message (values can be very long)."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def padding(value: object) -> str | None:
    """Where a string has whitespace at its ends (``leading``, ``trailing`` or ``leading and
    trailing``), or None: the platform compares such values as written, so ``"polling "`` or a
    redirect URI with a trailing space is not the value it looks like."""
    if not isinstance(value, str) or not value.strip():
        return None
    ends = [
        name
        for name, kept in (("leading", value.lstrip()), ("trailing", value.rstrip()))
        if kept != value
    ]
    return " and ".join(ends) or None
