"""Element profiles: what rules know of each element, read from data with a checked format;
``init`` templates.
"""
