"""The engine: one file or body through sniffing, schema, rules, arbitration, suppression, in
report order.
"""
