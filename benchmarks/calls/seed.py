"""Calls for the benchmark: per call an expert, a client with coins and a confirmed 60-minute booking
that started a minute ago; prints each booking id with the two participants' session cookies."""

import json
import sys
from datetime import timedelta

import django


def main(calls):
    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.utils import timezone

    from commerce.bookings import services as bookings
    from commerce.bookings.models import Booking
    from tests.factories import make_user
    from tests.factories.bookings import at, bookable_expert
    from tests.factories.wallet import wallet_with

    def session_of(user):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        return store.session_key

    start = timezone.now().replace(microsecond=0) - timedelta(minutes=1)
    out = []
    for n in range(calls):
        client = make_user(f"client{n}@bench.example")
        wallet_with(client, 500)
        expert, _calendar = bookable_expert(f"expert{n}@bench.example")
        booking = bookings.book_call(client, expert, at(1, 10), 60)
        # moved to now: the server meters it as a call in progress
        Booking.objects.filter(pk=booking.pk).update(
            start=start,
            end=start + timedelta(minutes=60),
            blocked_start=start,
            blocked_end=start + timedelta(minutes=60),
        )
        out.append({"booking": booking.pk, "client": session_of(client), "expert": session_of(expert.user)})
    print("CALLS " + json.dumps(out))


if __name__ == "__main__":
    main(int(sys.argv[1]))
