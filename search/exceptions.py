class SearchUnavailable(Exception):
    """The search server did not answer in time (or at all); callers fall back to the database."""


class SearchRefused(Exception):
    """A search cannot be saved as asked; the message is translated and shown as is."""
