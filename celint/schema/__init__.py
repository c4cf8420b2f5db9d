"""JSON Schema tooling built from the shipped schemas (editor-ready documents)."""
