"""Menus, footers and site settings: drafts stay private, publishing shows at once on every host.

Each test visits a page first (so the page, the menu and the settings are cached), then changes
something the way an editor does (Wagtail's snippet editor, or the settings form), then checks the
very next anonymous visit.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from cms_pages.core.models import Footer, NavigationMenu, SiteSettings
from cms_pages.landing.models import LandingPage
from commerce.core import pagecache
from commerce.users.roles import MARKETING
from tests.factories.pages import add_page, stream

OTHER_HOST = "127.0.0.1:8811"  # a host name the Wagtail Site does not carry (it says "localhost")


@pytest.fixture
def cached_pages(settings):
    settings.CMS_PAGE_CACHE_SECONDS = 600


@pytest.fixture
def admin_client(client, user_in_role):
    client.force_login(user_in_role(is_superuser=True, is_staff=True))
    return client


def link_item(label, url):
    return ("link", {"label": label, "url": url, "page": None})


def published_menu(language, *links):
    menu = NavigationMenu(locale=Locale.objects.get(language_code=language), links=stream(*links))
    menu.save()
    menu.save_revision().publish()
    return menu


def menu_form(client, menu, links):
    """The snippet editor's form of ``menu``, its links replaced by ``links`` [(label, url)]."""
    url = reverse(NavigationMenu.snippet_viewset.get_url_name("edit"), args=[menu.pk])
    form = client.get(url)
    assert form.status_code == 200
    data = querydict_from_html(form.content.decode(), form_id="w-editor-form")
    for key in [key for key in data if key.startswith("links-")]:
        del data[key]
    data.update(
        nested_form_data(
            {
                "links": {
                    "count": len(links),
                    **{
                        str(index): {
                            "type": "link",
                            "deleted": "",
                            "order": index,
                            "id": "",
                            "value": {"label": label, "url": target, "page": ""},
                        }
                        for index, (label, target) in enumerate(links)
                    },
                }
            }
        )
    )
    return url, data


@pytest.mark.django_db
def test_a_settings_change_shows_at_once_on_a_host_the_site_does_not_name(client, home_pages, cached_pages):
    # given: the home page seen through the Site's host name and through another one
    row = SiteSettings.for_site(home_pages["fr"].get_site())
    row.contact_email = "avant@souk.example"
    row.save()
    for host in ("localhost", OTHER_HOST):
        assert "avant@souk.example" in client.get("/fr/", HTTP_HOST=host).content.decode()
    # when: Marketing changes the contact address
    row.contact_email = "apres@souk.example"
    row.save()
    # then: both hosts show the new address on the very next visit
    for host in ("localhost", OTHER_HOST):
        html = client.get("/fr/", HTTP_HOST=host).content.decode()
        assert "apres@souk.example" in html
        assert "avant@souk.example" not in html


@pytest.mark.django_db
def test_a_menu_saved_as_draft_is_not_live_until_published(admin_client, client, home_pages, cached_pages):
    # given: a published French menu, seen by a visitor
    menu = published_menu("fr", link_item("Soldes", "/fr/soldes/"))
    visitor = client.__class__()
    assert "Soldes" in visitor.get("/fr/").content.decode()
    # when: an editor saves a change as a draft in the snippet editor
    url, data = menu_form(admin_client, menu, [("Ramadan", "/fr/ramadan/")])
    assert admin_client.post(url, data).status_code == 302
    # then: visitors still get the published menu
    html = visitor.get("/fr/").content.decode()
    assert "Soldes" in html
    assert "Ramadan" not in html
    menu.refresh_from_db()
    assert menu.live and menu.has_unpublished_changes
    # when: the editor publishes it
    data["action-publish"] = "action-publish"
    assert admin_client.post(url, data).status_code == 302
    # then: the next visitor sees it
    html = visitor.get("/fr/").content.decode()
    assert "Ramadan" in html
    assert "Soldes" not in html


@pytest.mark.django_db
def test_marketing_publishes_a_menu_it_drafted(client, home_pages, user_in_role, cached_pages):
    # given: a published menu and a Marketing editor
    menu = published_menu("fr", link_item("Soldes", "/fr/soldes/"))
    editor = client.__class__()
    editor.force_login(user_in_role(MARKETING, is_staff=True))
    # when: the editor publishes a change from the snippet editor
    url, data = menu_form(editor, menu, [("Ramadan", "/fr/ramadan/")])
    data["action-publish"] = "action-publish"
    assert editor.post(url, data).status_code == 302
    # then: it is live
    assert "Ramadan" in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_a_new_menu_saved_as_draft_shows_nothing_to_visitors(client, home_pages, cached_pages):
    menu = NavigationMenu(
        locale=Locale.objects.get(language_code="fr"), links=stream(link_item("Brouillon", "/fr/x/"))
    )
    menu.live = False
    menu.save()
    menu.save_revision()
    assert "Brouillon" not in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_the_preview_renders_the_draft_menu_in_its_language(admin_client, client, home_pages):
    # given: a published Arabic menu
    menu = published_menu("ar", link_item("تخفيضات", "/ar/soldes/"))
    # when: an editor previews an unsaved change
    url, data = menu_form(admin_client, menu, [("رمضان", "/ar/ramadan/")])
    preview_url = reverse(NavigationMenu.snippet_viewset.get_url_name("preview_on_edit"), args=[menu.pk])
    assert admin_client.post(preview_url, data).json()["is_valid"]
    preview = admin_client.get(preview_url)
    # then: the preview is a page in Arabic, right to left, whose header shows the draft
    html = preview.content.decode()
    assert preview.status_code == 200
    assert 'dir="rtl"' in html
    assert 'href="/ar/ramadan/"' in html
    # and visitors still get the published menu
    assert "/ar/ramadan/" not in client.get("/ar/").content.decode()


@pytest.mark.django_db
def test_publishing_a_footer_flushes_its_language_only(client, home_pages, cached_pages):
    # given: French and English pages in the page cache
    for path in ("/fr/", "/en/"):
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"
    # when: an English footer is published
    footer = Footer(locale=Locale.objects.get(language_code="en"), about="Made in Tunisia, for everyone")
    footer.save()
    footer.save_revision().publish()
    # then: English pages show it at once, French pages stay cached
    english = client.get("/en/")
    assert english["X-Page-Cache"] == "miss"
    assert "Made in Tunisia, for everyone" in english.content.decode()
    assert client.get("/fr/")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_saving_a_footer_draft_flushes_nothing(client, home_pages, cached_pages):
    footer = Footer(locale=Locale.objects.get(language_code="fr"), about="Version publiée")
    footer.save()
    footer.save_revision().publish()
    client.get("/fr/")
    version = pagecache.tag_version(pagecache.chrome_tag("fr"))
    footer.about = "Brouillon"
    footer.save_revision()
    assert pagecache.tag_version(pagecache.chrome_tag("fr")) == version
    response = client.get("/fr/")
    assert response["X-Page-Cache"] == "hit"
    assert "Version publiée" in response.content.decode()


@pytest.mark.django_db
def test_pages_marked_show_in_menus_join_the_header(client, home_pages):
    # given: a published menu and two pages below the home page, one of them marked "Show in menus"
    published_menu("fr", link_item("Soldes", "/fr/soldes/"))
    shown = add_page(home_pages["fr"], LandingPage, title="Nos artisans", slug="artisans")
    shown.show_in_menus = True
    shown.save_revision().publish()
    add_page(home_pages["fr"], LandingPage, title="Page cachée", slug="cachee")
    # then: the header lists the menu's links, then the marked page
    html = client.get("/fr/").content.decode()
    nav = html[html.index('id="site-nav"') :]
    assert nav.index("Soldes") < nav.index("Nos artisans")
    assert "Page cachée" not in nav


@pytest.mark.django_db
def test_the_snippets_index_opens_for_a_superuser(admin_client):
    response = admin_client.get("/cms/snippets/")
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse(NavigationMenu.snippet_viewset.get_url_name("list")) in html
    assert reverse(Footer.snippet_viewset.get_url_name("list")) in html


@pytest.mark.django_db
def test_the_preview_renders_the_draft_footer(admin_client, client, home_pages):
    # given: a published French footer
    footer = Footer(locale=Locale.objects.get(language_code="fr"), about="Texte publié")
    footer.save()
    footer.save_revision().publish()
    # when: an editor previews a new text
    url = reverse(Footer.snippet_viewset.get_url_name("edit"), args=[footer.pk])
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="w-editor-form")
    data["about"] = "Texte en brouillon"
    data["columns-count"] = "0"  # the stream's fields are drawn by JavaScript: an empty stream
    preview_url = reverse(Footer.snippet_viewset.get_url_name("preview_on_edit"), args=[footer.pk])
    assert admin_client.post(preview_url, data).json()["is_valid"]
    html = admin_client.get(preview_url).content.decode()
    # then: the preview's footer shows the draft, the site still the published text
    assert "Texte en brouillon" in html[html.index('class="site-footer"') :]
    assert "Texte publié" in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_a_default_language_footer_reaches_the_languages_without_their_own(client, home_pages, cached_pages):
    # given: an English page in the page cache, and no footer in any language
    client.get("/en/")
    # when: a French footer is published
    footer = Footer(locale=Locale.objects.get(language_code="fr"), about="Fait à Tunis")
    footer.save()
    footer.save_revision().publish()
    # then: English pages, which fall back on the French footer, show it at once
    assert "Fait à Tunis" in client.get("/en/").content.decode()
