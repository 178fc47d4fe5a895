"""Marketing gives a promo its voucher from the page: chosen among running ones or created within limits."""

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from cms_pages.landing.models import PromoPage
from commerce.users.roles import MARKETING, SUPPORT
from tests.factories.pages import stream

from .admin_forms import post_edit_page

Voucher = get_model("voucher", "Voucher")
ConditionalOffer = get_model("offer", "ConditionalOffer")
CREATE_URL = "promo_voucher_chooser:create"


def voucher_form(**changes):
    starts = timezone.localtime() + timedelta(hours=1)
    data = {
        "code": "soldes-20",
        "percent": "20",
        "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (starts + timedelta(days=7)).strftime("%Y-%m-%d %H:%M"),
        "max_uses": "500",
    }
    return {**data, **changes}


@pytest.fixture
def marketer_client(client, user_in_role):
    client.force_login(user_in_role(MARKETING, is_staff=True))
    return client


@pytest.fixture
def draft_promo(fr_home):
    page = PromoPage(
        title="Soldes",
        slug="soldes",
        locale=fr_home.locale,
        live=False,
        expire_at=timezone.now() + timedelta(days=7),
        body=stream(("paragraph", "<p>Tout à -20 %</p>")),
    )
    fr_home.add_child(instance=page)
    page.save_revision()
    return page


@pytest.mark.django_db
def test_marketing_creates_the_promo_voucher_from_the_page_and_shoppers_see_its_code(
    marketer_client, draft_promo
):
    # given: the promo editor offers the voucher chooser
    edit = marketer_client.get(f"/cms/pages/{draft_promo.pk}/edit/").content.decode()
    assert reverse("promo_voucher_chooser:choose") in edit

    # when: Marketing fills in the chooser's "Create" tab
    response = marketer_client.post(reverse(CREATE_URL), voucher_form())

    # then: an Oscar voucher with its offer exists, and the chooser hands it back to the page
    chosen = json.loads(response.content)
    assert chosen["step"] == "chosen", chosen
    voucher = Voucher.objects.get(code="SOLDES-20")
    assert str(voucher.pk) == str(chosen["result"]["id"])
    offer = voucher.offers.get()
    assert offer.offer_type == ConditionalOffer.VOUCHER
    assert offer.benefit.value == Decimal("20") and offer.benefit.range.includes_all_products
    assert offer.max_global_applications == 500
    assert voucher.end_datetime - voucher.start_datetime == timedelta(days=7)

    # when: the page is saved with that voucher, then approved and published
    post_edit_page(marketer_client, draft_promo, {"title": "Soldes", "voucher": voucher.pk}, action=None)
    draft_promo.refresh_from_db()
    draft_promo.get_latest_revision().publish()

    # then: shoppers read the code on the page
    draft_promo.refresh_from_db()
    assert draft_promo.voucher == voucher
    assert "SOLDES-20" in marketer_client.get(draft_promo.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"percent": "50"}, "percent"),
        ({"max_uses": "100000"}, "max_uses"),
        ({"ends_at": (timezone.localtime() + timedelta(days=90)).strftime("%Y-%m-%d %H:%M")}, "ends_at"),
        ({"code": "x"}, "code"),
    ],
)
def test_a_voucher_beyond_the_admins_limits_is_refused_and_nothing_is_written(
    marketer_client, settings, changes, field
):
    settings.CMS_PROMO_VOUCHER_MAX_PERCENT = 30
    settings.CMS_PROMO_VOUCHER_MAX_USES = 1000
    settings.CMS_PROMO_VOUCHER_MAX_DAYS = 31

    response = marketer_client.post(reverse(CREATE_URL), voucher_form(**changes))

    body = json.loads(response.content)
    assert body["step"] == "reshow_creation_form"
    html = body["htmlFragment"]
    field_html = html[html.index(f'for="id_{field}"') : html.index(f'name="{field}"')]
    assert 'class="error-message"' in field_html
    assert html.count('class="error-message"') == 1
    assert not Voucher.objects.exists()
    assert not ConditionalOffer.objects.filter(name__startswith="Promo").exists()


@pytest.mark.django_db
def test_a_code_already_taken_is_refused(marketer_client):
    marketer_client.post(reverse(CREATE_URL), voucher_form())

    again = json.loads(marketer_client.post(reverse(CREATE_URL), voucher_form(percent="10")).content)

    assert again["step"] == "reshow_creation_form"
    assert Voucher.objects.count() == 1


@pytest.mark.django_db
def test_the_chooser_lists_running_vouchers_only(marketer_client):
    marketer_client.post(reverse(CREATE_URL), voucher_form())
    marketer_client.post(reverse(CREATE_URL), voucher_form(code="ETE-10"))
    Voucher.objects.filter(code="ETE-10").update(end_datetime=timezone.now() - timedelta(days=1))

    html = json.loads(marketer_client.get(reverse("promo_voucher_chooser:choose")).content)["html"]

    assert "SOLDES-20" in html and "ETE-10" not in html


@pytest.mark.django_db
def test_support_cannot_open_the_voucher_chooser(client, user_in_role):
    client.force_login(user_in_role(SUPPORT, is_staff=True))

    assert client.get(reverse("promo_voucher_chooser:choose")).status_code == 302
    assert client.post(reverse(CREATE_URL), voucher_form()).status_code == 302
    assert not Voucher.objects.exists()


@pytest.mark.django_db
def test_the_create_tab_starts_from_the_promos_dates(marketer_client, draft_promo):
    # given: the promo editor's voucher chooser passes the promo's start and end along
    edit = marketer_client.get(f"/cms/pages/{draft_promo.pk}/edit/").content.decode()
    assert "#id_expire_at" in edit and "#id_go_live_at" in edit

    # when: it opens with them
    dates = {"starts_at": "2027-01-10 09:00", "ends_at": "2027-01-17 23:00"}
    html = json.loads(marketer_client.get(reverse("promo_voucher_chooser:choose"), dates).content)["html"]

    # then: the voucher's validity is filled in with the promo's
    assert re.search(r'name="starts_at"[^>]*value="2027-01-10 09:00"', html)
    assert re.search(r'name="ends_at"[^>]*value="2027-01-17 23:00"', html)
