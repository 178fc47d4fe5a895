"""Each role creates the page types it owns through Wagtail's editor, and is refused the others."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from cms_pages.form_pages.models import FormPage
from cms_pages.help.models import HelpArticlePage, HelpCategoryPage, HelpCentrePage
from cms_pages.landing.models import LandingPage, PromoPage
from cms_pages.standard.models import StandardPage
from commerce.users.roles import MARKETING, PLATFORM_ADMINS, SUPPORT
from tests.factories.pages import build_help_centre

from .admin_forms import post_new_page

LANDING = {"title": "Soldes d'été", "slug": "soldes-ete", "body": streamfield([("heading", "Bienvenue")])}
STANDARD = {"title": "Mentions légales", "slug": "mentions", "intro": "Qui nous sommes."}
FORM = {
    "title": "Contact",
    "slug": "contact",
    "to_address": "support@example.com",
    "thank_you_text": rich_text("<p>Merci</p>"),
    "form_fields": inline_formset(
        [
            {
                "label": "Votre email",
                "field_type": "email",
                "required": "on",
                "choices": "",
                "default_value": "",
            }
        ]
    ),
}
ARTICLE = {"title": "Retours", "slug": "retours", "summary": "Comment retourner un article"}


def promo_fields():
    ends = timezone.localtime() + timedelta(days=3)
    return {"title": "Flash", "slug": "flash", "expire_at": ends.strftime("%Y-%m-%d %H:%M")}


def created(model, slug):
    return model.objects.filter(slug=slug).first()


@pytest.fixture
def editors(client, user_in_role):
    def login(role):
        client.force_login(user_in_role(role, is_staff=True))
        return client

    return login


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "fields"),
    [(LandingPage, LANDING), (StandardPage, STANDARD), (FormPage, FORM)],
    ids=["landing", "standard", "form"],
)
def test_marketing_creates_and_publishes_marketing_pages(editors, fr_home, model, fields):
    # given
    client = editors(MARKETING)
    # when
    response = post_new_page(client, fr_home, model, fields)
    # then
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = created(model, fields["slug"])
    assert page is not None and page.live


@pytest.mark.django_db
def test_marketing_saves_a_promo_draft_but_cannot_publish_it(editors, fr_home):
    client = editors(MARKETING)

    draft = post_new_page(client, fr_home, PromoPage, promo_fields(), action=None)
    published = post_new_page(client, fr_home, PromoPage, {**promo_fields(), "slug": "flash-2"})

    assert draft.status_code == 302
    assert created(PromoPage, "flash") is not None and not created(PromoPage, "flash").live
    assert created(PromoPage, "flash-2") is None or not created(PromoPage, "flash-2").live
    assert published.status_code == 302


@pytest.mark.django_db
def test_marketing_edits_the_home_page(editors, fr_home):
    client = editors(MARKETING)
    response = client.get(f"/cms/pages/{fr_home.pk}/edit/")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "parent_key", "fields"),
    [
        (HelpCategoryPage, "centre", {"title": "Paiement", "slug": "paiement"}),
        (HelpArticlePage, "category", ARTICLE),
    ],
    ids=["category", "article"],
)
def test_support_creates_help_pages(editors, fr_home, model, parent_key, fields):
    centre, category, _article = build_help_centre(fr_home)
    client = editors(SUPPORT)

    response = post_new_page(client, {"centre": centre, "category": category}[parent_key], model, fields)

    assert response.status_code == 302
    assert created(model, fields["slug"]).live


@pytest.mark.django_db
def test_platform_admin_creates_a_help_centre(editors, fr_home):
    client = editors(PLATFORM_ADMINS)
    response = post_new_page(client, fr_home, HelpCentrePage, {"title": "Aide", "slug": "aide"})
    assert response.status_code == 302
    assert created(HelpCentrePage, "aide").live


@pytest.mark.django_db
def test_marketing_cannot_touch_the_help_centre(editors, home_pages, fr_home):
    # given: a help centre under the home page, where Marketing may edit
    centre, category, article = build_help_centre(fr_home)
    client = editors(MARKETING)
    # when
    new_article = post_new_page(client, category, HelpArticlePage, ARTICLE)
    new_centre = post_new_page(client, home_pages["en"], HelpCentrePage, {"title": "Help", "slug": "aide-2"})
    edit = client.get(f"/cms/pages/{article.pk}/edit/")
    # then
    assert new_article.status_code == 302 and created(HelpArticlePage, "retours") is None
    assert new_centre.status_code == 302 and created(HelpCentrePage, "aide-2") is None
    assert edit.status_code == 302
    assert not article.permissions_for_user(_user(client)).can_edit()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "fields"),
    [(LandingPage, LANDING), (PromoPage, None), (StandardPage, STANDARD), (FormPage, FORM)],
    ids=["landing", "promo", "standard", "form"],
)
def test_support_cannot_create_pages_outside_the_help_centre(editors, fr_home, model, fields):
    build_help_centre(fr_home)
    client = editors(SUPPORT)
    fields = fields or promo_fields()

    response = post_new_page(client, fr_home, model, fields)

    assert response.status_code == 302
    assert created(model, fields["slug"]) is None
    assert not Page.objects.get(pk=fr_home.pk).permissions_for_user(_user(client)).can_add_subpage()


def _user(client):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=client.session["_auth_user_id"])
