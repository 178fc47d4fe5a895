"""Why a payout operation was refused; ``str()`` is a translated message. Nothing was written."""


class PayoutError(Exception):
    pass
