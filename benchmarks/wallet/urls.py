"""The site's URL map plus the benchmark's own endpoints (these settings only, never the site's):

- ``POST /bench/transfer/``: the ceiling, a bare Django view doing one ORM transfer between two rows
  (a random row to the shared row 0, in one transaction);
- ``POST /bench/wallet/spend/``: the measured operation through the API stack (DRF, token
  authentication as the wallet's API views, JSON): ``services.hold`` then ``services.capture`` of
  one coin of the caller's wallet, paid to one of the seeded experts, its response rendered in the
  view's thread as the site's API views' are (``commerce.api.rendering``). The site has no public
  hold/capture endpoint (other apps call the services directly), so this one exists only here.
"""

import uuid

from django.db import transaction
from django.db.models import F
from django.http import HttpResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from commerce.api.rendering import rendered
from commerce.wallet import services
from commerce.wallet.api import AUTHENTICATION
from config.urls import urlpatterns as site_urlpatterns

from .models import BenchRow
from .seed import EARNER_EMAIL, EARNERS, ROWS


@csrf_exempt
@transaction.non_atomic_requests
def transfer(request):
    source = 1 + uuid.uuid4().int % (ROWS - 1)
    with transaction.atomic():
        BenchRow.objects.filter(pk=source).update(balance=F("balance") - 1)
        BenchRow.objects.filter(pk=0).update(balance=F("balance") + 1)
    return HttpResponse(b"ok", content_type="text/plain")


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class SpendView(APIView):
    """Each service call is its own transaction (as a real spend endpoint would run them), so the
    escrow row's lock is held for one service call, not for the whole request.

    Authenticated as the wallet's API views are (token, or session); answers JSON only, as an
    endpoint that only programs call would (no browsable renderer to negotiate)."""

    authentication_classes = AUTHENTICATION
    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer]
    earners = None

    def post(self, request):
        if SpendView.earners is None:
            from django.contrib.auth import get_user_model

            emails = [EARNER_EMAIL.format(number) for number in range(EARNERS)]
            SpendView.earners = list(get_user_model().objects.filter(email__in=emails))
        key = uuid.uuid4()
        earner = SpendView.earners[key.int % len(SpendView.earners)]
        hold = services.hold(request.user, 1, reference="Benchmark question", key=f"bench:{key}")
        services.capture(hold, earner=earner, key=f"bench-capture:{key}")
        return Response({"hold": hold.pk})


urlpatterns = [
    path("bench/transfer/", transfer),
    path("bench/wallet/spend/", rendered(SpendView.as_view())),
    *site_urlpatterns,
]
