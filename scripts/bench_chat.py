"""``make bench-chat``: end-to-end latency of a chat message through the server, Redis and PostgreSQL.

    .venv/bin/python scripts/bench_chat.py [--messages 40] [--one-room-messages 200] [--rooms 50] [--pace 1]

Starts its own PostgreSQL and Redis (scripts/services.py; the cluster and a migrated template
database stay in var/bench-services/chat/, the benchmark database is cloned fresh each run), seeds
one shop and a conversation per room (benchmarks/chat/seed.py), and serves the site with uvicorn
(one worker) and ``benchmarks.chat.asgi``, which adds a bare Channels echo room relaying through the
same Redis channel layer: the baseline, measured in the same run. Each room has two sockets (the
client's and the seller's); the client sends one message at a time and the time until the seller's
socket receives it is one sample. Scenarios: one room, then every room at once; echo and chat
alternate. Every room at once runs twice: as fast as the server answers (each client sends its next
message as soon as the last one arrived: the server's throughput, one worker saturated, so the
samples are mostly its queue), and paced (``--pace``: each client sends a message every so many
seconds, the rooms starting at random offsets: the latency 50 live conversations see). The
issue's 50-room goal is a latency goal, judged on the paced scenario. Prints p50/p95/max and the
messages found in the database afterwards, then the
statements and Django CPU of one message measured in-process (benchmarks/chat/queries.py); never
fails on a figure. Stops every process it started, also on Ctrl-C.

The load generator runs on the same cores as the server, so it is kept cheap: uvloop, and a
received frame is matched by its text (the sample's unique body) without decoding its JSON.
"""

# ruff: noqa: S603 - runs this project's own commands with fixed arguments
from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import uvloop  # noqa: E402
from services import Server, start_postgres, start_redis  # noqa: E402

from benchmarks import harness  # noqa: E402
from benchmarks.harness import log  # noqa: E402

DATA_DIR = ROOT / "var" / "bench-services" / "chat"
TEMPLATE_DB, BENCH_DB = "bench_chat_template", "bench_chat"
#: The issue's goals (p95, milliseconds), printed beside the figures.
GOALS = {1: 5.0, 50: 20.0}


def django_env(database_url, redis_url):
    return harness.django_env(database_url, redis_url, "benchmarks.chat.settings")


def prepare_database(server_url, redis_url):
    return harness.fresh_database(
        server_url, lambda url: django_env(url, redis_url), template=TEMPLATE_DB, name=BENCH_DB
    )


def seed(env, rooms):
    return harness.run_json(env, "benchmarks.chat.seed", str(rooms), marker="ROOMS")


async def room_run(port, room, kind, messages, samples, lost, pace=0.0):
    """Two sockets in one room; the first sends ``messages`` one at a time, the second times each.

    ``pace``: seconds from one send to the next (0: at once), the first after a random offset. A
    message not received within 10 s goes to ``lost`` (its body), and the room goes on."""
    from websockets.asyncio.client import connect

    origin = f"http://127.0.0.1:{port}"
    if kind == "echo":
        path, headers_a, headers_b = f"/ws/bench/echo/{room['thread']}/", {}, {}
    else:
        path = f"/ws/chat/{room['thread']}/"
        headers_a = {"Cookie": f"sessionid={room['client']}"}
        headers_b = {"Cookie": f"sessionid={room['seller']}"}
    url = f"ws://127.0.0.1:{port}{path}"
    async with (
        connect(url, origin=origin, additional_headers=headers_a) as sender,
        connect(url, origin=origin, additional_headers=headers_b) as receiver,
    ):
        nonce = uuid.uuid4().hex[:8]

        async def drain_sender():
            async for _ in sender:  # the sender's own copies
                pass

        drainer = asyncio.create_task(drain_sender())
        drainer.add_done_callback(lambda task: task.cancelled() or task.exception())
        if pace:
            await asyncio.sleep(random.uniform(0, pace))  # noqa: S311 - load spread, not security
        for n in range(messages):
            body = f"bench {nonce} {n}"
            frame = json.dumps({"type": "message", "body": body})
            wanted = json.dumps(body)  # as it appears in the frame that carries it back
            started = time.perf_counter()
            await sender.send(frame)
            try:
                async with asyncio.timeout(10):
                    while wanted not in await receiver.recv():
                        pass
            except TimeoutError:
                lost.append(body)
                continue
            samples.append((time.perf_counter() - started) * 1000)
            if pace:
                await asyncio.sleep(max(0.0, pace - (time.perf_counter() - started)))
        drainer.cancel()


async def scenario(port, rooms, kind, messages, lost, pace=0.0):
    samples = []
    started = time.perf_counter()
    await asyncio.gather(*(room_run(port, room, kind, messages, samples, lost, pace) for room in rooms))
    return samples, time.perf_counter() - started


def run(coroutine):
    """``asyncio.run`` on uvloop, the cheaper event loop (the server runs on it too)."""
    return uvloop.run(coroutine)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def persisted(database_url, bodies=None):
    """How many of the benchmark's messages (or of ``bodies``) the database holds."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        if bodies is not None:
            query, params = "SELECT count(*) FROM messaging_message WHERE body = ANY(%s)", [bodies]
        else:
            query, params = "SELECT count(*) FROM messaging_message WHERE body LIKE 'bench %%'", []
        return connection.execute(query, params).fetchone()[0]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=40, help="messages per room and scenario (two runs)")
    parser.add_argument(
        "--one-room-messages", type=int, default=200, help="messages in the one-room scenario (two runs)"
    )
    parser.add_argument("--rooms", type=int, default=50)
    parser.add_argument(
        "--pace", type=float, default=1.0, help="seconds between a client's messages in the paced scenario"
    )
    options = parser.parse_args(argv)
    started = []
    try:
        postgres = start_postgres(DATA_DIR / "pgdata")
        started.append(postgres)
        redis = start_redis()
        started.append(redis)
        log("migrating the template database (once) and cloning it")
        database_url = prepare_database(postgres.url, redis.url)
        env = django_env(database_url, redis.url)
        rooms = seed(env, options.rooms)
        server = Server(env, workers=1, app="benchmarks.chat.asgi:application")
        started.append(server)
        port = server.port
        log(f"server on port {port}; {len(rooms)} rooms seeded")
        lost = {"chat": [], "echo": []}
        run(scenario(port, rooms[:1], "chat", 20, lost["chat"]))  # warm-up: imports, connections
        run(scenario(port, rooms[:1], "echo", 20, lost["echo"]))
        results = []
        scenarios = [(1, 0.0), (len(rooms), 0.0), (len(rooms), options.pace)]
        for count, pace in scenarios:
            for kind in ("echo", "chat", "chat", "echo"):
                paced = f", one every {pace:g} s" if pace else ""
                messages = (options.one_room_messages if count == 1 else options.messages) // 2
                log(f"{kind}: {count} room(s), {messages} messages each{paced}")
                samples, seconds = run(scenario(port, rooms[:count], kind, messages, lost[kind], pace))
                results.append((count, pace, kind, samples, seconds))
        print()
        header = ("rooms", "pace s", "server", "messages", "p50 ms", "p95 ms", "max ms", "msg/s")
        widths = (5, 6, 6, 8, 8, 8, 8, 8)
        print(" ".join(f"{title:>{width}}" for title, width in zip(header, widths, strict=True)))
        for count, pace in scenarios:
            for kind in ("echo", "chat"):
                runs = [r for r in results if r[:3] == (count, pace, kind)]
                samples = [s for r in runs for s in r[3]]
                seconds = sum(r[4] for r in runs)
                figures = (statistics.median(samples), percentile(samples, 0.95), max(samples))
                print(
                    f"{count:>5} {pace or '-':>6} {kind:>6} {len(samples):>8} "
                    + " ".join(f"{figure:>8.2f}" for figure in figures)
                    + f" {len(samples) / seconds:>8.0f}"
                )
            if count > 1 and not pace:
                print("      (as fast as the server answers: its throughput; the samples are its queue)")
                continue
            chat_p95 = percentile([s for r in results if r[:3] == (count, pace, "chat") for s in r[3]], 0.95)
            goal = GOALS.get(count, GOALS[50])
            verdict = "met" if chat_p95 <= goal else "not met"
            print(f"      goal p95 <= {goal:g} ms with {count} room(s): {verdict}")
        sent = 20 + sum(len(r[3]) for r in results if r[2] == "chat") + len(lost["chat"])
        stored = persisted(database_url)
        print(f"\nchat messages sent (with warm-up): {sent}; found in the database: {stored}")
        for kind, bodies in lost.items():
            if bodies:
                print(f"{kind}: {len(bodies)} message(s) not received within 10 s")
        if lost["chat"]:
            print(f"  of which stored: {persisted(database_url, lost['chat'])}")
        cost = harness.run_json(env, "benchmarks.chat.queries", str(rooms[0]["thread"]), marker="COST")
        print(
            f"one message, in-process: {cost['statements']} round trips (BEGIN and COMMIT included), "
            f"{cost['ms']:.1f} ms of Django CPU"
        )
        return 0
    except KeyboardInterrupt:
        return 130
    finally:
        for service in reversed(started):
            service.stop()


if __name__ == "__main__":
    sys.exit(main())
