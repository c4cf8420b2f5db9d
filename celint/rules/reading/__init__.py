"""CE0xx: what reading a file finds (parse errors, duplicate keys, unreadable input, unused
suppressions)."""
