"""What a guest shopper does, as steps any client can replay: over HTTP (load) or in-process (queries).

A client here has ``get(path)`` and ``post(path, data)`` that follow redirects like a browser and
return a ``Page`` (final status, final path, body). Each flow starts with a fresh client: a new
visitor, a new session and basket, as on the real site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OURS, STOCK = "ours", "stock"
STOCK_PREFIX = "/stock-oscar"

_CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')

GUEST = {
    "first_name": "Amira",
    "last_name": "Ben Salah",
    "email": "amira@example.com",
    "phone": "+21620123456",
    "line1": "12 rue de Marseille",
    "city": "Tunis",
    "postcode": "1001",
}


@dataclass
class Page:
    status: int
    path: str
    body: bytes


class FlowError(RuntimeError):
    pass


def csrf_token(page: Page) -> str:
    match = _CSRF.search(page.body)
    if not match:
        raise FlowError(f"no CSRF token on {page.path} ({page.status})")
    return match.group(1).decode()


def expect(page: Page, path_part: str, what: str) -> Page:
    if page.status != 200 or path_part not in page.path:
        raise FlowError(f"{what}: got {page.status} at {page.path}, wanted 200 at …{path_part}…")
    return page


def product_path(side: str, path: str) -> str:
    """Our product URL (/fr/catalogue/…) or the same product on stock Oscar (/stock-oscar/catalogue/…)."""
    return path if side == OURS else STOCK_PREFIX + path[len("/fr") :]


def list_path(side: str) -> str:
    return "/fr/catalogue/" if side == OURS else f"{STOCK_PREFIX}/catalogue/"


def add_to_basket(client, product) -> None:
    """Stock Oscar's product page, then "Add to basket" (Oscar's basket view) → the basket page."""
    pk, path = product
    page = expect(client.get(product_path(STOCK, path)), "/catalogue/", "product page")
    data = {"csrfmiddlewaretoken": csrf_token(page), "quantity": "1"}
    expect(client.post(f"{STOCK_PREFIX}/basket/add/{pk}/", data), "/basket/", "add to basket")


def _place_cash_on_delivery(client, path, form_page, **hidden) -> Page:
    data = {"csrfmiddlewaretoken": csrf_token(form_page), "payment_method": "cod", **hidden}
    data.update({key: GUEST[key] for key in ("first_name", "last_name", "email", "phone", "line1", "city")})
    data["postcode"] = GUEST["postcode"]
    return expect(client.post(path, data), "/checkout/thank-you/", "place order")


def pop_up_checkout(client, product) -> Page:
    """Our pop-up checkout, cash on delivery: the product page, "Buy now" (the script loads the
    pop-up's form and summary), then the order placed from the pop-up → the thank-you page."""
    pk, path = product
    expect(client.get(product_path(OURS, path)), "/catalogue/", "product page")
    buy = f"/fr/checkout/buy/{pk}/"
    form = expect(client.get(f"{buy}?partial=1&quantity=1"), "/checkout/buy/", "pop-up form")
    return _place_cash_on_delivery(client, buy, form, quantity="1")


def basket_checkout(client, product) -> Page:
    """Our one-page checkout after the basket, cash on delivery: the product page, "Buy now" without
    the script (the add-to-basket form posted with ``next`` = the checkout, which Oscar's basket view
    follows: no basket page), the checkout form, then the order placed."""
    pk, path = product
    page = expect(client.get(product_path(OURS, path)), "/catalogue/", "product page")
    data = {"csrfmiddlewaretoken": csrf_token(page), "quantity": "1", "next": "/fr/checkout/"}
    form = expect(client.post(f"/fr/basket/add/{pk}/", data), "/checkout/", "buy now → checkout form")
    return _place_cash_on_delivery(client, "/fr/checkout/", form)


def stock_checkout(client, product) -> Page:
    """Stock Oscar's checkout as a guest: gateway, address, (method, payment skipped), preview, place."""
    add_to_basket(client, product)
    checkout = f"{STOCK_PREFIX}/checkout/"
    gateway = expect(client.get(checkout), "/checkout/", "gateway")
    address_form = client.post(
        checkout,
        {"csrfmiddlewaretoken": csrf_token(gateway), "username": GUEST["email"], "options": "anonymous"},
    )
    expect(address_form, "/shipping-address/", "gateway → shipping address")
    details = client.post(
        f"{checkout}shipping-address/",
        {
            "csrfmiddlewaretoken": csrf_token(address_form),
            "first_name": GUEST["first_name"],
            "last_name": GUEST["last_name"],
            "line1": GUEST["line1"],
            "line4": GUEST["city"],
            "postcode": GUEST["postcode"],
            "country": "TN",
            "phone_number": GUEST["phone"],
        },
    )
    # One shipping method and no payment choice: Oscar redirects through both to payment details.
    expect(details, "/payment-details/", "shipping address → payment details")
    preview = expect(client.get(f"{checkout}preview/"), "/preview/", "preview")
    placed = client.post(
        f"{checkout}preview/", {"csrfmiddlewaretoken": csrf_token(preview), "action": "place_order"}
    )
    return expect(placed, "/checkout/thank-you/", "place order")


CHECKOUTS = {OURS: pop_up_checkout, STOCK: stock_checkout}
#: Our other way to the same order: through the basket and the one-page checkout.
OURS_BASKET_CHECKOUT = basket_checkout
