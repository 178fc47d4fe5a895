"""Promos end on time: beat unpublishes them, and the page, menu, sitemap and caches follow at once."""

import json
import re
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Workflow, WorkflowPage

from cms_pages.core.models import NavigationMenu
from cms_pages.core.tasks import publish_scheduled_pages
from cms_pages.landing.models import PromoPage
from commerce.users.roles import MARKETING
from tests.factories.pages import stream

from .admin_forms import post_new_page


def live_promo(home, *, ends, slug="fin-de-saison"):
    page = PromoPage(
        title="Fin de saison",
        slug=slug,
        locale=home.locale,
        expire_at=ends,
        body=stream(("countdown", {"title": "Fin dans"})),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def menu_linking(home, page):
    return NavigationMenu.objects.create(
        locale=home.locale,
        links=json.dumps([{"type": "link", "value": {"label": "Soldes", "page": page.pk, "url": ""}}]),
    )


#: Seconds between beat's runs of the publishing task here (a minute in production: only the wait
#: is shorter, beat and the worker are the real ones).
PUBLISH_EVERY = 2


@pytest.fixture
def beat_env():
    return {"CMS_PUBLISH_SCHEDULED_SECONDS": str(PUBLISH_EVERY)}


@pytest.mark.django_db(transaction=True)
def test_beat_takes_an_ended_promo_off_page_menu_sitemap_and_cache_within_a_minute(
    client, home_pages, celery_beat
):
    # given: a live promo ending in a few seconds, linked from the menu, cached and in the sitemap
    home = home_pages["fr"]
    promo = live_promo(home, ends=timezone.now() + timedelta(seconds=5))
    menu_linking(home, promo)
    client.get(promo.url)
    cached = client.get(promo.url)
    assert cached["X-Page-Cache"] == "hit"
    assert promo.url in client.get(home.url).content.decode()
    assert promo.url in client.get("/sitemap.xml").content.decode()

    # when: its end passes, with nothing but beat and the worker running
    deadline = time.monotonic() + 75
    while time.monotonic() < deadline and PromoPage.objects.get(pk=promo.pk).live:
        time.sleep(0.5)

    # then: within beat's interval (a minute in production) it is unpublished, and gone from the
    # page, the menu and the sitemap
    promo.refresh_from_db()
    assert not promo.live and promo.expired
    assert client.get(promo.url).status_code == 404
    assert promo.url not in client.get(home.url).content.decode()
    assert promo.url not in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_sitemap_drops_a_promo_as_soon_as_it_is_unpublished(client, fr_home):
    # given: a sitemap already served (and kept) with the live promo in it
    promo = live_promo(fr_home, ends=timezone.now() + timedelta(minutes=1))
    assert promo.url in client.get("/sitemap.xml").content.decode()

    # when: the promo's end passes and the scheduled task runs
    PromoPage.objects.filter(pk=promo.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    publish_scheduled_pages.delay()

    # then: the next sitemap no longer lists it
    assert promo.url not in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_countdown_without_script_says_until_when_instead_of_frozen_numbers(client, fr_home):
    # given: a live promo with a countdown, served from the page cache
    promo = live_promo(fr_home, ends=timezone.now() + timedelta(days=2, hours=5))
    client.get(promo.url)

    # when
    html = client.get(promo.url).content.decode()

    # then: the units wait for the script (hidden, empty); the text gives the end date
    section = re.search(r'<section class="cms-countdown".*?</section>', html, flags=re.S).group(0)
    units = re.search(r'<p class="cms-countdown__units"[^>]*>', section).group(0)
    assert " hidden" in units
    assert re.findall(r'data-unit="\w+">([^<]*)<', section) == ["", "", "", ""]
    assert "Jusqu’au" in section or "Jusqu'au" in section


@pytest.mark.django_db
def test_an_end_in_the_past_is_reported_as_past_not_as_missing(admin_client, fr_home):
    # when: a promo is created with an end that has already passed
    ended = timezone.localtime() - timedelta(days=1)
    response = post_new_page(
        admin_client,
        fr_home,
        PromoPage,
        {"title": "Trop tard", "slug": "trop-tard", "expire_at": ended.strftime("%Y-%m-%d %H:%M")},
        action=None,
    )

    # then: the form says the end is in the past, not that there is none; nothing is saved
    assert response.status_code == 200
    errors = response.context["form"].errors["expire_at"]
    assert errors == [str(_("Expiry date/time must be in the future."))]
    assert not PromoPage.objects.filter(slug="trop-tard").exists()


@pytest.mark.django_db
def test_a_promo_without_end_is_not_published_and_says_why(admin_client, fr_home):
    response = post_new_page(
        admin_client, fr_home, PromoPage, {"title": "Sans fin", "slug": "sans-fin", "expire_at": ""}
    )

    assert response.status_code == 200
    assert not PromoPage.objects.filter(slug="sans-fin").exists()
    assert response.context["form"].errors["expire_at"] == [str(PromoPage.base_form_class.END_REQUIRED)]


@pytest.mark.django_db
def test_create_screen_offers_to_submit_to_promo_approval(client, fr_home, user_in_role):
    # given: the home page goes through another workflow; Marketing opens a new promo page under it
    moderation = Workflow.objects.create(name="Relecture générale", active=True)
    WorkflowPage.objects.update_or_create(page=fr_home, defaults={"workflow": moderation})
    marketer = user_in_role(MARKETING, is_staff=True)
    client.force_login(marketer)
    url = reverse("wagtailadmin_pages:add", args=["landing", "promopage", fr_home.pk])

    # when
    html = client.get(url).content.decode()

    # then: the submit button names the promo's own workflow
    assert "Promo approval" in html
    assert "Relecture générale" not in html
