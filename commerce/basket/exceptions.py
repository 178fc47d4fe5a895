"""Why the basket refused a change; each message is meant for the shopper."""


class BasketRefused(Exception):
    """A product or a quantity the basket's rules do not allow (``commerce.basket.services``)."""
