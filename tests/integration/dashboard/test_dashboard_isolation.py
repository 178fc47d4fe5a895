"""Who reaches what through ANY dashboard URL: seller A none of seller B's data, other roles nothing.

Every URL pattern under /dashboard/ is taken from the resolver, its path parameters are filled with
B's object ids (products, stock records, shop, user, orders, lines, notes, alerts, invoices …), and
each is opened as every role. Seller A gets a refusal (403), not found (404), a redirect, or a page
that holds none of B's data; seller B gets its own data; shoppers, experts, Marketing and Support
are refused every URL; platform admins are refused none. New dashboard pages are swept automatically.
"""

import contextlib
import itertools
import re
from collections import defaultdict

import pytest
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from oscar.core.loading import get_model

from commerce.partner import stock
from commerce.users.roles import EXPERTS, MARKETING, PLATFORM_ADMINS, SELLERS, SHOPPERS, SUPPORT
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.integration.dashboard.urls import reached
from tests.pdf import pdf_text

pytestmark = pytest.mark.usefixtures("english", "bare_error_pages")

StockAlert = get_model("partner", "StockAlert")
StockMovement = get_model("partner", "StockMovement")
Product = get_model("catalogue", "Product")

#: Strings only B's data contains (A's own pages must never show them).
B_SECRETS = (
    "Burnous Confidentiel",
    "JS-BURNOUS",
    "Jebba Secrète",
    "secret-buyer@example.com",
    "mehdi@jebba.example",
    "Note privée de Jebba",
    "Variante Secrète",
)
PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


@pytest.fixture
def bare_error_pages(settings):
    """403s and 404s without the site's error page around them (the sweeps read their status only)."""
    settings.ROOT_URLCONF = "tests.integration.dashboard.bare_errors"


def _clean(route):
    route = REGEX_GROUP.sub(r"<\1>", route)
    return route.replace("^", "").replace("$", "").replace("\\", "")


def dashboard_paths():
    """Every URL pattern under /dashboard/, as ``dashboard/…/<param>/`` templates."""

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + _clean(str(pattern.pattern))
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield route

    return sorted({path for path in walk(get_resolver().url_patterns, "") if path.startswith("dashboard/")})


@pytest.fixture
def secrets(market):
    """B's objects, with notes, alerts, variants and invoices, keyed by what URLs call them."""
    b = market
    b.shared.notes.create(user=b.seller_b, message="Note privée de Jebba")
    parent = product_for_sale("Burnous Confidentiel parent", shop=b.shop_b, stock=None)[0]
    Product.objects.filter(pk=parent.pk).update(structure=Product.PARENT)
    child, child_record = product_for_sale("Variante Secrète", shop=b.shop_b, stock=3, sku="JS-VARIANT")
    Product.objects.filter(pk=child.pk).update(structure=Product.CHILD, parent=parent)
    stock.allocate([(b.record_b.pk, 15, None)])  # opens a low-stock alert on B's record
    shared_line = b.line_of(b.shared, b.shop_b)
    own_line = b.line_of(b.only_b, b.shop_b)
    ids = {
        b.product_b.pk,
        parent.pk,
        child.pk,
        b.record_b.pk,
        child_record.pk,
        b.shop_b.pk,
        b.seller_b.pk,
        b.only_b.pk,
        shared_line.pk,
        own_line.pk,
        b.shared.notes.get().pk,
        StockAlert.objects.get(stockrecord=b.record_b).pk,
        StockMovement.objects.filter(stockrecord=b.record_b).first().pk,
    }
    invoices = _invoices_of_b(b)
    ids.update(invoice.pk for invoice in invoices)
    objects = [
        b.product_b,
        parent,
        child,
        b.record_b,
        child_record,
        b.shop_b,
        b.seller_b,
        b.only_b,
        b.shared,
        shared_line,
        own_line,
        b.shared.notes.get(),
        StockAlert.objects.get(stockrecord=b.record_b),
        StockMovement.objects.filter(stockrecord=b.record_b).first(),
        *invoices,
    ]
    ids_by_model = defaultdict(set)
    for obj in objects:
        ids_by_model[obj._meta.concrete_model].add(obj.pk)
    return {
        "ids": sorted(ids),
        "ids_by_model": {model: sorted(pks) for model, pks in ids_by_model.items()},
        "number": [b.only_b.number, b.shared.number],
        "order_number": [b.only_b.number, b.shared.number],
        "invoice_number": [invoice.number for invoice in invoices] or ["none"],
        "line_id": [shared_line.pk, own_line.pk],
        "note_id": [b.shared.notes.get().pk],
        "parent_pk": [parent.pk, b.product_b.pk],
        "slug": [b.shop_b.slug],
        "partner_pk": [b.shop_b.pk],
        "user_pk": [b.seller_b.pk],
    }


def _invoices_of_b(market):
    """B's invoices, when the invoices app can issue them for these orders (COD: once confirmed)."""
    from commerce.invoices.exceptions import OrderNotInvoiceable
    from commerce.invoices.services import issue_invoices

    invoices = []
    for order in (market.only_b, market.shared):
        with contextlib.suppress(OrderNotInvoiceable):
            invoices += [
                invoice for invoice in issue_invoices(order) if invoice.partner_id == market.shop_b.pk
            ]
    return invoices


def is_any_id(name, secrets):
    """A parameter that takes an id of any of B's objects (its kind is not known from its name)."""
    return name not in secrets and (name in ("pk", "id") or name.endswith(("_pk", "_id")))


def candidates(name, secrets):
    if name in secrets:
        return secrets[name]
    if is_any_id(name, secrets):
        return secrets["ids"]
    return ["physical", "x"]  # slugs, codes, tokens: nothing of B's to fill in


def view_model(template):
    """The model a dashboard URL's view shows (``model`` or ``queryset`` of its class), if it says."""
    try:
        match = resolve("/" + PARAM.sub("1", template))
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", None)
    model = getattr(view, "model", None) or getattr(getattr(view, "queryset", None), "model", None)
    return model._meta.concrete_model if model else None


def ids_for(template, secrets, *, of_its_kind):
    """B's ids an id parameter of ``template`` takes: all of them, or with ``of_its_kind``, where the
    view names the model it shows, B's ids of that model (one id when B has none: any id then finds
    nothing). An id of another kind only finds nothing: seller A's sweep opens every pairing."""
    model = view_model(template) if of_its_kind else None
    if model is None:
        return secrets["ids"]
    return secrets["ids_by_model"].get(model) or secrets["ids"][:1]


def urls_for(template, secrets, *, of_its_kind=False):
    """``template`` filled with B's values: every combination of the named ones (each of B's orders
    with each of its lines …). Parameters that take any id take each of B's ids once, side by side: all
    their pairings would square the requests and pair none of B's objects that belong together."""
    names = PARAM.findall(template)
    named = [name for name in names if not is_any_id(name, secrets)]
    any_ids = [ids_for(template, secrets, of_its_kind=of_its_kind)] if len(named) < len(names) else [[None]]
    for values in itertools.product(*(candidates(name, secrets) for name in named)):
        for an_id in any_ids[0]:
            fill = iter(values)
            url = template
            for name in names:
                value = an_id if is_any_id(name, secrets) else next(fill)
                url = PARAM.sub(str(value), url, count=1)
            yield "/" + url


def readable(response):
    """The text of a page or download (B's ids may be A's own invoice ids: its PDF is read too)."""
    if not getattr(response, "streaming", False):
        return response.content.decode("utf-8", "replace")
    content = b"".join(response.streaming_content)
    if response["Content-Type"].startswith("application/pdf"):
        return pdf_text(content)
    return content.decode("utf-8", "replace")


@pytest.mark.django_db
def test_seller_a_reaches_none_of_seller_bs_data_through_any_dashboard_url(client, market, secrets):
    # given
    paths = dashboard_paths()
    assert len(paths) > 60, paths  # the whole dashboard, not a few pages
    client.force_login(market.seller_a)
    leaks, opened = [], 0
    # when: every dashboard URL, filled with B's ids, is opened as A
    for template in paths:
        for url in urls_for(template, secrets):
            response = reached(client, url)
            opened += 1
            # then
            assert response.status_code in (200, 302, 403, 404, 405), (url, response.status_code)
            if response.status_code == 200:
                body = readable(response)
                leaks += [(url, secret) for secret in B_SECRETS if secret in body]
    assert leaks == []
    assert opened > 200


def resolves(url):
    try:
        resolve(url)
    except Resolver404:
        return False
    return True


def sweep(client, secrets):
    """``{url: response}`` for every dashboard URL filled with B's ids (those of the kind its view
    shows, where it names one), opened by the signed-in client."""
    paths = dashboard_paths()
    assert len(paths) > 60, paths  # the whole dashboard, not a few pages
    responses = {
        url: reached(client, url)
        for template in paths
        for url in urls_for(template, secrets, of_its_kind=True)
    }
    assert len(responses) > 200
    return responses


def sweep_each_url_once(client, secrets):
    """``{url: response}`` for every dashboard URL, filled once (with ids it resolves with, where some
    do): enough for a role refused before any lookup, whatever the ids."""
    paths = dashboard_paths()
    assert len(paths) > 60, paths
    urls = []
    for template in paths:
        fillings = list(urls_for(template, secrets))
        urls.append(next((url for url in fillings if resolves(url)), fillings[0]))
    return {url: reached(client, url) for url in urls}


#: Roles with no business in the Oscar dashboard (Marketing and Support are staff: they use Wagtail).
OUTSIDERS = {
    SHOPPERS: {},
    EXPERTS: {},
    MARKETING: {"is_staff": True},
    SUPPORT: {"is_staff": True},
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(OUTSIDERS))
def test_every_dashboard_url_refuses_shoppers_experts_marketing_and_support(client, market, secrets, role):
    # given
    client.force_login(make_user(f"{role.lower()}@example.com", role=role, **OUTSIDERS[role]))
    # when
    answers = {url: response.status_code for url, response in sweep_each_url_once(client, secrets).items()}
    # then: the sign-in entry point hands over to sign-in, as for anyone
    assert answers.pop("/dashboard/login/") == 302
    # and Support grants goodwill coins (the wallet's only page outside the books)
    assert answers.pop("/dashboard/wallet/goodwill/") == (200 if role == SUPPORT else 403)
    # and: a 403 everywhere else (but where the filling matches no URL), never a page or a sign-in trip
    assert {url: code for url, code in answers.items() if code != 403 and resolves(url)} == {}


@pytest.mark.django_db
def test_platform_admins_are_refused_no_dashboard_url(client, market, secrets):
    # given
    client.force_login(make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True))
    # when
    answers = {url: response.status_code for url, response in sweep(client, secrets).items()}
    # then
    assert {url: code for url, code in answers.items() if code not in (200, 302, 404, 405)} == {}
    assert answers["/dashboard/"] == answers["/dashboard/shop/stock/"] == 200


@pytest.mark.django_db
def test_seller_b_reaches_its_own_data_and_no_platform_section(client, market, secrets):
    # given
    client.force_login(market.seller_b)
    # when
    responses = sweep(client, secrets)
    # then: its own orders, products, stock, invoices and shop open with its data
    own = {
        f"/dashboard/orders/{market.only_b.number}/": "secret-buyer@example.com",
        f"/dashboard/catalogue/products/{market.product_b.pk}/": "Burnous Confidentiel",
        "/dashboard/shop/stock/": "JS-BURNOUS",
        "/dashboard/shop/profile/": "Jebba Secrète",
    }
    for url, text in own.items():
        assert responses[url].status_code == 200, url
        assert text in readable(responses[url]), url
    # and: the platform's sections and the refund page refuse it
    refused = [url for url in responses if url.startswith(PLATFORM_ONLY)]
    assert refused
    assert {url: responses[url].status_code for url in refused if responses[url].status_code != 403} == {}
    assert {url: r.status_code for url, r in responses.items() if r.status_code >= 500} == {}


#: Dashboard sections for platform admins only (sellers get a 403 for every URL under them).
PLATFORM_ONLY = (
    "/dashboard/reports/",
    "/dashboard/users/",
    "/dashboard/partners/",
    "/dashboard/offers/",
    "/dashboard/vouchers/",
    "/dashboard/pages/",
    "/dashboard/reviews/",
    "/dashboard/comms/",
    "/dashboard/ranges/",
    "/dashboard/shipping/",
    "/dashboard/payments/",
)


@pytest.mark.django_db
def test_sellers_are_refused_the_platform_only_sections(client, market):
    client.force_login(market.seller_a)
    for url in (
        "/dashboard/reports/",
        "/dashboard/users/",
        "/dashboard/partners/",
        f"/dashboard/partners/{market.shop_b.pk}/",
        f"/dashboard/shop/{market.shop_b.pk}/profile/",
        "/dashboard/offers/",
        "/dashboard/vouchers/",
        "/dashboard/pages/",
        "/dashboard/reviews/",
        "/dashboard/comms/",
        "/dashboard/catalogue/categories/",
        "/dashboard/catalogue/product-types/",
        f"/dashboard/orders/{market.shared.number}/shipping-address/",
    ):
        assert reached(client, url).status_code in (403, 404), url


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client, market):
    for url in (
        "/dashboard/",
        "/dashboard/orders/",
        "/dashboard/shop/stock/",
        f"/dashboard/orders/{market.shared.number}/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url


@pytest.mark.django_db
def test_a_shopper_without_a_shop_cannot_use_the_seller_pages(client, market):
    client.force_login(make_user("nobody@example.com", role=SELLERS))  # a seller not linked to a shop
    assert reached(client, "/dashboard/shop/profile/").status_code == 404
    assert client.get("/dashboard/shop/stock/").context["form"].records == []
    assert client.get("/dashboard/orders/").context["orders"].count() == 0


@pytest.mark.django_db
def test_seller_cannot_change_or_delete_another_shops_product(client, market):
    client.force_login(market.seller_a)
    product = market.product_b
    assert reached(client, f"/dashboard/catalogue/products/{product.pk}/").status_code == 404
    client.post(f"/dashboard/catalogue/products/{product.pk}/delete/")
    client.post(f"/dashboard/catalogue/products/{product.pk}/", {"title": "Piraté"})
    product.refresh_from_db()
    assert product.title == "Burnous Confidentiel"
    assert reached(client, f"/dashboard/catalogue/products/{product.pk}/create-variant/").status_code == 404


@pytest.mark.django_db
def test_a_product_another_shop_also_stocks_is_out_of_reach(client, market):
    # given: B adds its own stock record to A's product
    market.product_a.stockrecords.create(
        partner=market.shop_b, partner_sku="JS-SHARED", price=1, num_in_stock=1
    )
    client.force_login(market.seller_a)
    # then: A can no longer edit or delete it (it would change B's offer)
    assert reached(client, f"/dashboard/catalogue/products/{market.product_a.pk}/").status_code == 404
    listed = client.get("/dashboard/catalogue/").content.decode()
    assert "JS-SHARED" not in listed


@pytest.mark.django_db
def test_seller_edits_its_own_profile_but_not_the_commission(client, market):
    client.force_login(market.seller_a)
    page = client.get("/dashboard/shop/profile/")
    assert page.status_code == 200 and "commission_rate" not in page.context["form"].fields
    response = client.post(
        "/dashboard/shop/profile/",
        {
            "name": "Dar Nabeul",
            "slug": "dar-nabeul",
            "description_fr": "Céramique de Nabeul.",
            "contact_email": "contact@dar-nabeul.example",
            "instagram_url": "instagram.com/darnabeul",
            "terms_of_sale": "Livraison 48 h.",
            "refund_policy": "14 jours.",
            "commission_rate": "0",
        },
    )
    assert response.status_code == 302
    market.shop_a.refresh_from_db()
    assert market.shop_a.description == "Céramique de Nabeul."
    assert market.shop_a.instagram_url == "https://instagram.com/darnabeul"
    assert str(market.shop_a.commission_rate) == "0.1500"
    assert client.get("/fr/shops/dar-nabeul/").status_code == 200


@pytest.mark.django_db
def test_staff_set_a_shops_commission(client, market):
    admin = make_user("admin@example.com", is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get(f"/dashboard/shop/{market.shop_b.pk}/profile/")
    assert page.status_code == 200
    from tests.integration.dashboard.forms import post_data

    data = post_data(page.context, "form")
    data["commission_rate"] = "0.1000"
    assert client.post(f"/dashboard/shop/{market.shop_b.pk}/profile/", data).status_code == 302
    market.shop_b.refresh_from_db()
    assert str(market.shop_b.commission_rate) == "0.1000"
    data["commission_rate"] = "1.5"
    assert client.post(f"/dashboard/shop/{market.shop_b.pk}/profile/", data).status_code == 200
