"""Rooms for the benchmark: one shop, and per room a client with a conversation with it; prints the
thread ids and the two session cookies of each room (the client's and the seller's)."""

import json
import sys

import django


def main(rooms):
    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.cached_db import SessionStore
    from oscar.core.loading import get_model

    from commerce.messaging import services

    User = get_user_model()
    Partner = get_model("partner", "Partner")

    def session_of(user):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        return store.session_key

    shop = Partner.objects.create(name="Bench shop")
    seller = User.objects.create_user(email="seller@bench.example", password=None)
    shop.users.add(seller)
    seller_session = session_of(seller)
    out = []
    for n in range(rooms):
        client = User.objects.create_user(email=f"client{n}@bench.example", password=None)
        thread, _ = services.open_seller_thread(client=client, partner=shop)
        out.append({"thread": thread.pk, "client": session_of(client), "seller": seller_session})
    print("ROOMS " + json.dumps(out))


if __name__ == "__main__":
    main(int(sys.argv[1]))
