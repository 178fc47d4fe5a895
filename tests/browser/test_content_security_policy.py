"""Browser: the storefront, the Wagtail admin and the Oscar dashboard work under the site's
Content-Security-Policy: Chromium reports no violation on any of them."""

import os

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.pages import build_home_pages

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

#: Runs before any page script: records every violation the browser reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


def watched(page):
    """``page`` and ``visit(url)``: the CSP violations reported while ``url`` loads, by the page or in
    the console."""
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)

    def visit(url):
        console.clear()
        response = page.goto(url)
        assert response.status == 200, url
        assert response.headers.get("content-security-policy"), url
        page.wait_for_load_state("networkidle")
        reported = page.evaluate("window.__cspViolations")
        return reported + [text for text in console if "Content Security Policy" in text]

    return visit


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_storefront_cms_admin_and_dashboard_run_without_csp_violations(live_server, page, signed_in):
    # given: the French site with a product, and a platform admin
    homes = build_home_pages()
    Site.clear_site_root_paths_cache()
    product, _ = product_for_sale("Tajine sous CSP", price="45.000")
    with translation.override("fr"):
        product_url = product.get_absolute_url()
    admin = make_user("admin@example.com", is_staff=True, is_superuser=True)
    _context, admin_page = signed_in(admin)
    storefront = ["/fr/", "/fr/", product_url, product_url]  # each twice: rendered, then from the cache
    back_office = ["/cms/", f"/cms/pages/{homes['fr'].pk}/edit/", "/dashboard/"]
    back_office += ["/dashboard/catalogue/", "/dashboard/orders/"]

    # when: a shopper browses the storefront and the admin opens the Wagtail admin and the dashboard
    shopper, staff = watched(page), watched(admin_page)
    found = {f"{url} #{n}": shopper(live_server.url + url) for n, url in enumerate(storefront)}
    found |= {url: staff(live_server.url + url) for url in back_office}

    # then: no page reported a violation
    assert {url: reported for url, reported in found.items() if reported} == {}

    # and: Oscar's inline "Cancel" handler runs (allowed by its hash): it goes back a page
    staff(live_server.url + "/dashboard/catalogue/")
    assert staff(live_server.url + reverse("dashboard:catalogue-class-create")) == []
    admin_page.click('a[onclick^="window.history.go(-1)"]')
    admin_page.wait_for_url(live_server.url + "/dashboard/catalogue/")
