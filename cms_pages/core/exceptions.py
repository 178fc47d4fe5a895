class NewsletterTokenInvalid(Exception):
    """The confirmation or unsubscribe link matches no subscription."""
