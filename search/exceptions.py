class SearchUnavailable(Exception):
    """The search server did not answer in time (or at all); callers fall back to the database."""
