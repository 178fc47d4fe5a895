"""Staff pages of the payment app in the Oscar dashboard: refunds through Stripe."""
