"""Java date patterns, as the platform reads the formats of a poller's ``datesConfiguration``.

The platform is a Java service: a date format is a ``java.text.SimpleDateFormat`` /
``java.time.format.DateTimeFormatter`` pattern, or the word ``milliseconds`` for epoch
milliseconds. This is not a full Java pattern parser; it checks what makes a pattern unusable
and is cheap to get right:

- an ASCII letter outside quotes must be a pattern letter (the union of both Java classes'
  letters, so a pattern valid for either passes);
- ``'`` starts literal text that runs to the next ``'``; ``''`` is a literal quote, inside or
  outside literal text; a quote that is never closed is an error (``yyyy-MM-dd'T'HH:mm:ss'Z``);
- a pattern needs at least one pattern letter, or it formats every date as the same text.

Anything else (digits, punctuation, spaces) is literal text, as it is in Java.
"""

from __future__ import annotations

#: The platform's name for epoch milliseconds, accepted in place of a pattern.
MILLISECONDS = "milliseconds"

#: Pattern letters of SimpleDateFormat and DateTimeFormatter together.
PATTERN_LETTERS = frozenset("GuyYDMLdQqwWEecFaBhKkHmsSAnNVvzOXxZp")

EXAMPLE = "yyyy-MM-dd'T'HH:mm:ssXXX"


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` is not a usable Java date pattern, or None when it is one."""
    if pattern == MILLISECONDS:
        return None
    fields = 0
    position = 0
    while position < len(pattern):
        char = pattern[position]
        if char == "'":
            if pattern.startswith("''", position):
                position += 2
                continue
            close = _closing_quote(pattern, position + 1)
            if close == -1:
                return (
                    f"the quote at character {position + 1} is never closed (quote literal "
                    "text on both sides, such as 'T')"
                )
            position = close + 1
            continue
        if char.isascii() and char.isalpha():
            if char not in PATTERN_LETTERS:
                return (
                    f"{char!r} at character {position + 1} is not a pattern letter (quote "
                    "literal text, such as 'T')"
                )
            fields += 1
        position += 1
    if not fields:
        return "it has no pattern letters, so every date would read the same"
    return None


def _closing_quote(pattern: str, start: int) -> int:
    """The index of the quote that closes literal text opened before ``start`` (``''`` inside
    literal text is an escaped quote, not the end), or -1."""
    position = start
    while True:
        found = pattern.find("'", position)
        if found == -1 or not pattern.startswith("''", found):
            return found
        position = found + 2
