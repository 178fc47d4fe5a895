"""One notification service: ``from commerce.notifications import notify``.

See ``events`` (registering event types), ``channels`` (adding a channel) and ``services.notify``.
"""


def notify(user, event, context=None, *, key=None):
    """Tell a person something; see ``commerce.notifications.services.notify``."""
    from .services import notify as _notify  # models are not ready when this package is imported

    return _notify(user, event, context, key=key)
