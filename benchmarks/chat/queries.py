"""Statements and Django CPU per chat message, in-process on the benchmark's database: the share of
the latency that is the server's own work (the socket scenarios add the network, Redis and the
event loop). Prints ``COST {"statements": n, "ms": t}``.

    DJANGO_SETTINGS_MODULE=benchmarks.chat.settings python -m benchmarks.chat.queries <thread id>

Statements are the round trips Django makes, BEGIN and COMMIT included;
they are also printed to stderr. What follows the commit (the broadcast, the task queued) is swapped
for no-ops here: from a script, each broadcast would start an event loop and a Redis connection of
its own, which the server never does; the socket scenarios measure those steps.
"""

import json
import sys
import time

ROUNDS = 50


def main(thread_id):
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from commerce.messaging import broadcast, services, tasks
    from commerce.messaging.access import role_in
    from commerce.messaging.models import Participant, Thread

    thread = Thread.objects.get(pk=thread_id)
    client = thread.participants.get(role=Participant.CLIENT).user
    role = role_in(thread, client)  # as a socket does once, when it joins

    def post(body):
        services.post_message(thread, sender=client, body=body, role=role)

    broadcast.send_message = lambda message: None
    tasks.announce_message.delay = lambda *args: None
    post("cost probe: warm-up")
    with CaptureQueriesContext(connection) as captured:
        post("cost probe: counted")
    for query in captured.captured_queries:
        print("  " + query["sql"][:160], file=sys.stderr)
    started = time.process_time()
    for number in range(ROUNDS):
        post(f"cost probe {number}")
    ms = (time.process_time() - started) * 1000 / ROUNDS
    figures = {"statements": len(captured.captured_queries), "ms": round(ms, 2)}
    print("COST " + json.dumps(figures), flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
