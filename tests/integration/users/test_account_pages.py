"""Every account page answers a signed-in shopper without a server error; the pages allauth
replaces (password, email) lead to allauth's, and no page claims a change that did not happen."""

import pytest
from django.apps import apps
from django.core import mail
from django.urls import URLPattern, URLResolver, reverse
from oscar.core.loading import get_model

from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia

UserAddress = get_model("address", "UserAddress")
ProductAlert = get_model("customer", "ProductAlert")
Notification = get_model("communication", "Notification")
Email = get_model("communication", "Email")

PASSWORD = "correct-horse-battery"


def account_patterns():
    """``(name, route)`` of every page under ``accounts/``: Oscar's customer app and allauth's."""
    from allauth import urls as allauth_urls

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield pattern.name, prefix + str(pattern.pattern)

    customer, _app, _namespace = apps.get_app_config("customer").urls
    yield from (("customer:" + (name or ""), route) for name, route in walk(customer))
    yield from walk(allauth_urls.urlpatterns)


@pytest.fixture
def shopper_with_everything(db, user_in_role):
    """A shopper with an order, an address, an alert, a notification, a sent email, a wishlist."""
    from commerce.checkout import services

    ensure_tunisia()
    user = user_in_role(email="nadia@example.com", password=PASSWORD, first_name="Nadia")
    product, _ = product_for_sale()
    order = services.place_order(
        basket=basket_with((product, 1), owner=user),
        customer=services.Customer("Nadia", "Trabelsi", user.email, GUEST.phone, user),
        payment_method="cod",
        delivery=TUNIS,
    )
    address = UserAddress.objects.create(
        user=user,
        first_name="Nadia",
        last_name="Trabelsi",
        line1="1 rue de Rome",
        line4="Tunis",
        postcode="1000",
        country_id="TN",
    )
    alert = ProductAlert.objects.create(user=user, product=product, status=ProductAlert.ACTIVE)
    notification = Notification.objects.create(recipient=user, subject="Bienvenue")
    email = Email.objects.create(user=user, email=user.email, subject="Bienvenue", body_text="…")
    wishlist = user.wishlists.create(name="Cadeaux")
    return {
        "user": user,
        "product": product,
        "kwargs": {
            "order_number": order.number,
            "line_id": order.lines.get().pk,
            "email_id": email.pk,
            "key": wishlist.key,
            "product_pk": product.pk,
            "line_pk": wishlist.lines.create(product=product, title=product.title).pk,
            "to_key": wishlist.key,
        },
        "pk_by_name": {
            "customer:address-detail": address.pk,
            "customer:address-delete": address.pk,
            "customer:address-change-status": address.pk,
            "customer:alerts-cancel-by-pk": alert.pk,
            "customer:alert-create": product.pk,
            "customer:notifications-detail": notification.pk,
        },
    }


def url_of(name, route, data):
    """A concrete ``/fr/accounts/…`` URL for the pattern, with the shopper's own objects."""
    import re

    params = re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)
    names = [a or b for a, b in params]
    if not names:
        return reverse(name) if name and not name.endswith(":") else None
    kwargs = {}
    for param in names:
        if param == "pk":
            kwargs[param] = data["pk_by_name"].get(name)
        elif param == "action":
            kwargs[param] = "default_for_shipping"
        else:
            kwargs[param] = data["kwargs"].get(param)
    if None in kwargs.values():
        return None  # a token sent by email (reset keys, alert keys): not an account page to browse
    return reverse(name, kwargs=kwargs)


@pytest.mark.django_db
def test_no_account_page_answers_a_server_error(client, shopper_with_everything):
    from django.utils import translation

    client.force_login(shopper_with_everything["user"])
    visited = {}
    with translation.override("fr"):
        urls = {
            url
            for name, route in account_patterns()
            if (url := url_of(name, route, shopper_with_everything)) and "logout" not in url
        }
    for url in sorted(urls):
        visited[url] = client.get(url).status_code
    failing = {url: status for url, status in visited.items() if status >= 500}
    assert failing == {}
    # every page of Oscar's customer app with nothing but the shopper's objects to fill in was seen
    for path in ("/fr/accounts/profile/edit/", "/fr/accounts/change-password/", "/fr/accounts/orders/"):
        assert path in visited, sorted(visited)
    assert len(visited) > 30


@pytest.mark.django_db
def test_oscars_password_page_leads_to_allauths_and_claims_no_change_that_did_not_happen(
    client, shopper_with_everything
):
    user = shopper_with_everything["user"]
    client.force_login(user)
    response = client.get("/fr/accounts/change-password/")
    assert response.status_code == 302 and response.url == "/fr/accounts/password/change/"
    # when: the old password is wrong
    response = client.post(
        "/fr/accounts/change-password/",
        {"oldpassword": "wrong", "password1": "Nouveau-mot-2passe!", "password2": "Nouveau-mot-2passe!"},
        follow=True,
    )
    page = client.get("/fr/accounts/password/change/").content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert "Mot de passe mis à jour" not in page and "modifié" not in page


@pytest.mark.django_db
def test_the_profile_edits_names_and_leads_to_allauth_for_the_email(client, shopper_with_everything):
    user = shopper_with_everything["user"]
    client.force_login(user)
    page = client.get("/fr/accounts/profile/edit/")
    assert page.status_code == 200
    assert 'name="email"' not in page.content.decode()
    assert reverse("account_email") in page.content.decode()
    # when: the shopper renames itself and tries to slip in another email
    response = client.post(
        "/fr/accounts/profile/edit/",
        {"first_name": "Nadia", "last_name": "Ben Ali", "email": "pirate@example.com"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.last_name, user.email) == ("Ben Ali", "nadia@example.com")
    assert mail.outbox == []
