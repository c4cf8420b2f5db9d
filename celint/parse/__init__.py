"""Reading JSON and YAML into plain values with positions: documents, pointers to spans, JSON held
in strings.
"""
