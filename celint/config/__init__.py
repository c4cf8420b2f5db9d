"""Configuration: ``celint.toml`` / ``[tool.celint]`` files, the resolved :class:`LintOptions`,
path patterns.
"""
