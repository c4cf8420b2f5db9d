"""CE4xx: secrets and placeholders: literal secrets, template leftovers, weak keys, unset
variables.
"""
