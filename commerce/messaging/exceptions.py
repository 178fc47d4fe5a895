"""Refusals with a translated reason the page, API or socket shows as it is; nothing was written."""


class MessagingRefused(Exception):
    """Base of every refusal in this app."""


class ThreadRefused(MessagingRefused):
    """A conversation cannot be opened (own shop, a product the shop does not sell …)."""


class MessageRefused(MessagingRefused):
    """A message cannot be posted (empty, too long, too fast, blocked, thread closed to staff …)."""
