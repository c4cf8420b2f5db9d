"""CE1xx: the schema's findings, as rules (required, type, value, unknown key)."""
