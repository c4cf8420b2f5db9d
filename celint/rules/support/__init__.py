"""Readings shared by rules: configuration values, poller lists and configuration, URLs, Java date
patterns.
"""
