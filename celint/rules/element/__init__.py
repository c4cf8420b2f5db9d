"""CE3xx: what an element's profile knows: element key, authentication, provider data, scope,
realm.
"""
