"""Subscriptions sold through Stripe Billing: plans per product, subscriptions, their paid periods and
dunning; see ``services`` (state changes), ``handlers`` (webhooks) and ``benefits`` (what a period grants).
"""
