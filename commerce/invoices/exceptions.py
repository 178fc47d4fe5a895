class InvoiceError(Exception):
    """Base of the invoices app's errors."""


class OrderNotInvoiceable(InvoiceError):
    """The order is neither paid (card) nor confirmed (cash on delivery): nothing may be invoiced yet."""
