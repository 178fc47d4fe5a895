"""What a phone API can answer besides success, sorted by what the sending task does about it."""


class PhoneApiError(Exception):
    """The API refused the message for good (bad token, unknown chat, malformed text): not retried."""

    def __init__(self, message, *, status=None, code=None):
        super().__init__(message)
        self.status = status
        self.code = code


class TransientError(PhoneApiError):
    """The API or the network failed this time (5xx, timeout, connection refused): try again later."""


class RateLimited(TransientError):
    """The API asks to wait ``retry_after`` seconds before the next message."""

    def __init__(self, message, *, retry_after, status=429, code=None):
        super().__init__(message, status=status, code=code)
        self.retry_after = retry_after
