"""The Wagtail home leads each team to its work: Marketing to its promos, Support to weak articles."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms_pages.help.models import HelpArticleFeedback
from cms_pages.landing.models import PromoPage
from commerce.users.roles import MARKETING, SUPPORT
from tests.factories.pages import add_page, build_help_centre


def section(html, kind):
    """The HTML of one group of the promos panel (drafts, scheduled, live)."""
    match = re.search(rf'data-promos="{kind}">(.*?)</section>', html, re.S)
    assert match, kind
    return match.group(1)


def promo(home, slug, *, starts=None, ends, publish=True):
    page = PromoPage(
        title=f"Promo {slug}", slug=slug, locale=home.locale, live=False, go_live_at=starts, expire_at=ends
    )
    home.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


@pytest.mark.django_db
def test_marketing_home_offers_a_new_promo_and_lists_drafts_scheduled_and_live_promos(
    client, fr_home, user_in_role
):
    # given: a draft promo, one approved to start next week and one running
    now = timezone.now()
    promo(fr_home, "brouillon", ends=now + timedelta(days=9), publish=False)
    promo(fr_home, "bientot", starts=now + timedelta(days=7), ends=now + timedelta(days=9))
    promo(fr_home, "en-cours", ends=now + timedelta(days=2))
    client.force_login(user_in_role(MARKETING, is_staff=True))
    # when
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    # then
    add_url = reverse("wagtailadmin_pages:add", args=("landing", "promopage", fr_home.pk))
    assert 'id="marketing-promos-section"' in html
    assert f'href="{add_url}"' in html
    assert "Nouvelle page promo" in html  # the admin speaks the editor's language (French here)
    assert "Promo brouillon" in section(html, "drafts")
    assert "Promo bientot" in section(html, "scheduled")
    assert "Promo en-cours" in section(html, "live")
    assert "Promo bientot" not in section(html, "drafts") + section(html, "live")
    # and the button opens the promo editor for Marketing
    assert client.get(add_url).status_code == 200


@pytest.mark.django_db
def test_support_home_lists_the_articles_readers_found_unhelpful(client, fr_home, user_in_role):
    # given: one article most readers found unhelpful, one they liked
    _centre, category, weak = build_help_centre(fr_home)
    liked = add_page(category, weak.__class__, title="Suivre ma commande", slug="suivi")
    for helpful in (False, False, False, True):
        HelpArticleFeedback.objects.create(article=weak, helpful=helpful, language="fr")
    for helpful in (True, True, True, False):
        HelpArticleFeedback.objects.create(article=liked, helpful=helpful, language="fr")
    client.force_login(user_in_role(SUPPORT, is_staff=True))
    # when
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    # then
    assert 'id="help-low-scores-section"' in html
    assert reverse("wagtailadmin_pages:edit", args=[weak.pk]) in html
    assert "25 %" in html
    assert reverse("wagtailadmin_pages:edit", args=[liked.pk]) not in html
    assert 'id="marketing-promos-section"' not in html


@pytest.mark.django_db
def test_marketing_home_does_not_show_supports_panel(client, fr_home, user_in_role):
    client.force_login(user_in_role(MARKETING, is_staff=True))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="marketing-promos-section"' in html
    assert 'id="help-low-scores-section"' not in html
