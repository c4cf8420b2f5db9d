"""The bundled JSON Schemas: the registry that finds and resolves them offline, the compiled check,
schema issues.
"""
