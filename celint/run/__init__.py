"""A run over many inputs: reading each, linting or fixing it, in one or several processes,
baselines.
"""
