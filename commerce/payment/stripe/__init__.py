"""Card payments through Stripe Checkout: client, webhooks, return views and a local fake of Stripe.

Kept free of Django imports at package level so the fake (``stripe.fake``) runs without Django.
"""
