"""The site's URLs with bare 403 and 404 answers, for the dashboard sweeps.

The sweeps open every dashboard URL as every role and read the status of hundreds of refusals; the
site's error page around each refusal (menus, footer, CMS snippets) cost about half their time and
none of them reads it. The status comes from the views and permission checks, as on the site.
"""

from django.http import HttpResponseForbidden, HttpResponseNotFound

from config.urls import handler400, handler500, urlpatterns  # noqa: F401 - the site's own


def permission_denied(request, exception):
    return HttpResponseForbidden()


def page_not_found(request, exception):
    return HttpResponseNotFound()


handler403 = permission_denied
handler404 = page_not_found
