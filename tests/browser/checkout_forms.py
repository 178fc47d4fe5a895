"""Filling the quick checkout's fields in a browser, as a guest would."""


def order_cash_on_delivery(form):
    """Fill ``form`` (the pop-up dialog or the checkout page) as a guest in Tunis and submit it."""
    form.locator("input[name=first_name]").fill("Amira")
    form.locator("input[name=last_name]").fill("Ben Salah")
    form.locator("input[name=email]").fill("amira@example.com")
    form.locator("input[name=phone]").fill("20 123 456")
    form.locator("input[name=line1]").fill("12 rue de Marseille")
    form.locator("input[name=city]").fill("Tunis")
    form.locator("input[name=payment_method][value=cod]").check()
    form.locator("button[type=submit]").click()
