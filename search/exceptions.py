from django.utils.translation import gettext_lazy as _

#: What a client is told when the search server does not answer.
UNAVAILABLE_MESSAGE = _("Search is unavailable right now.")
#: What a client is told about a saved search that is not theirs or no longer exists.
NO_SAVED_SEARCH_MESSAGE = _("No such saved search.")


class SearchUnavailable(Exception):
    """The search server did not answer in time (or at all); callers fall back to the database."""


class SearchRefused(Exception):
    """A search cannot be saved as asked; the message is translated and shown as is."""
