"""Two ends of one call at the same moment (both hang up, beat sweeps): one capture, in PostgreSQL."""

import pytest
import time_machine
from django.core.management import call_command

from commerce.calls import services
from commerce.calls.models import Call
from commerce.wallet.models import Transaction
from commerce.wallet.selectors import wallet_summary
from tests.factories.calls import call_booking, talk
from tests.factories.wallet import run_together

pytestmark = pytest.mark.django_db(transaction=True)


def test_ends_racing_capture_once():
    booking, client, _expert = call_booking()
    with time_machine.travel(booking.start, tick=False) as clock:
        call, _role = services.open_call(booking, client)
        talk(clock, call, booking.start, 12 * 60)

        ends = [
            lambda: services.hang_up(call, "client"),
            lambda: services.hang_up(call, "expert"),
            lambda: services.end_call(call, Call.Ending.ABANDONED),
            lambda: services.end_call(call, Call.Ending.HUNG_UP),
        ]
        results = run_together(len(ends), lambda i: ends[i]())

    assert all(isinstance(result, Call) for result in results), results
    assert {result.coins for result in results} == {24}
    assert Transaction.objects.filter(hold_id=booking.coin_hold_id, kind="capture").count() == 1
    assert wallet_summary(client) == (476, 0)
    call_command("wallet_check")
