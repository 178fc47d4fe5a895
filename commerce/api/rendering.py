"""API responses rendered in the view's own thread, so that under ASGI they cost no extra thread hops.

DRF's ``Response`` is a ``SimpleTemplateResponse``: Django renders it after the view has returned.
Under ASGI (production serves the site with uvicorn, for Channels) Django's handler runs each step
of that deferred rendering in a hop of its own between the event loop and the request's thread:
the template-response middleware (Oscar's basket adds itself to the template context) and then
``render()``. An API call therefore paid two hops more than a plain Django view, each a hand-over
between threads (futures, locks, wake-ups): driven in-process through the ASGI handler, a coin
spend over the API cost 3.5 ms of the worker's CPU, 3.3 ms with its response rendered in the
view's thread (``benchmarks/README.md``, "Coins").

``render_in_view_thread`` wraps the API's views so that a template response leaves the view
rendered, as the plain ``HttpResponse`` it became: same status, body, headers and cookies (an
empty body keeps no ``Content-Type``, as DRF leaves it); the handler then has nothing left to run.
Nothing of an API response reads the template context that the basket middleware adds (DRF
renders from its own renderer context), and the browsable API renders its page in the view's
thread as it did in the handler's.

With ``ATOMIC_REQUESTS`` (production) the rendering now happens inside the request's transaction:
a response that fails to render rolls the view's writes back instead of answering a 500 after
committing them, and the commit (with its ``on_commit`` callbacks) comes after the rendering. The
answer to an exception keeps Django's deferred rendering, after the transaction as before: DRF's
exception handler has marked that transaction for rollback, where a renderer reading the database
(the browsable API's forms) would fail; errors are the rare path, so their two hops stay.
"""

from functools import wraps

from asgiref.sync import iscoroutinefunction
from django.http import HttpResponse
from django.template.response import SimpleTemplateResponse

from commerce.core.url_patterns import decorate_views


def render_in_view_thread(patterns):
    """The given URL patterns (included ones too), each synchronous view's template response
    rendered before the view returns."""
    return decorate_views(patterns, rendered)


def rendered(view):
    """``view``, answering its template response (a DRF ``Response``) already rendered; an async
    view as is (Django awaits it on the event loop: no hop to save)."""
    if iscoroutinefunction(view):
        return view

    @wraps(view)
    def view_rendered(request, *args, **kwargs):
        return _as_rendered(view(request, *args, **kwargs))

    return view_rendered


def _as_rendered(response):
    """A template response rendered now, as a plain ``HttpResponse``; any other response, or DRF's
    answer to an exception, as is."""
    if not isinstance(response, SimpleTemplateResponse) or getattr(response, "exception", False):
        return response
    response.render()
    plain = HttpResponse(response.content, status=response.status_code, headers=response.headers)
    if "Content-Type" not in response:  # DRF drops it from an empty body; HttpResponse adds one
        del plain["Content-Type"]
    plain.cookies = response.cookies
    return plain
