"""Autofix: planning edits from findings, rendering values in the file's own syntax, checking each
edit reads back.
"""
