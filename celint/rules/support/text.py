"""Shared by the rules: showing user text in messages without flooding the output."""


def clip(text: str, limit: int = 40) -> str:
    """``text`` shortened to ``limit`` characters for a message (values can be very long)."""
    return text if len(text) <= limit else text[: limit - 3] + "..."
