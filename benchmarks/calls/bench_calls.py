"""``make bench-calls``: call signaling and metering under load, against a bare Channels echo.

    .venv/bin/python benchmarks/calls/bench_calls.py [--calls 100] [--seconds 20]

Starts its own PostgreSQL and Redis (scripts/services.py; the migrated template database is kept in
var/bench-services/calls/, the benchmark database is cloned fresh), seeds ``--calls`` confirmed call
bookings in progress (benchmarks/calls/seed.py) and serves the site with uvicorn (one worker), the
settings ``benchmarks.chat.settings`` and ``benchmarks.chat.asgi``, whose bare echo room (no
session, database or validation) relays through the same Redis channel layer: the baseline,
measured in the same run.

Each call has two sockets (client and expert), all connected at once. Two phases, each for ``--seconds``:

1. **meter**: every socket sends a heartbeat each second (15 times the real cadence, to load the
   meter); the server writes each one and recomputes the meter from the stored rows. The server
   process's CPU time divided by the heartbeats gives the CPU per heartbeat, and × 8 (two sockets
   every 15 s) the CPU per call-minute at the real cadence.
2. **relay**: the client's socket sends an ICE candidate every ``--ice-every`` seconds (as at the
   start of a call, when candidates trickle) while heartbeats go on at the browser's 15 s cadence;
   the time until the expert's socket receives it is one sample. The echo rooms get the same frames.

Prints p50/p95/max relay latency (call socket vs echo), frames per second and the CPU figures; never
fails on a figure. Stops every process it started, also on Ctrl-C.
"""

# ruff: noqa: S603 - runs this project's own commands with fixed arguments
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from bench_chat import django_env, log, percentile, prepare_database  # noqa: E402
from services import Server, start_postgres, start_redis  # noqa: E402

from benchmarks import harness  # noqa: E402

DATA_DIR = ROOT / "var" / "bench-services" / "calls"
#: Seconds between heartbeats: accelerated in the meter phase, the browser's cadence while relaying.
LOADED_HEARTBEAT_EVERY = 1.0
REAL_HEARTBEAT_EVERY = 15.0
#: Heartbeats of one call in one real minute: two sockets, one every 15 s.
REAL_BEATS_PER_MINUTE = 8


def seed(env, calls):
    return harness.run_json(env, "benchmarks.calls.seed", str(calls), marker="CALLS")


def cpu_seconds(pid):
    """User + system CPU time of the process (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def call_run(port, call, kind, seconds, ice, samples, counts):  # noqa: PLR0913
    from websockets.asyncio.client import connect

    origin = f"http://127.0.0.1:{port}"
    if kind == "echo":
        path, client_headers, expert_headers = f"/ws/bench/echo/{call['booking']}/", {}, {}
    else:
        path = f"/ws/calls/{call['booking']}/"
        client_headers = {"Cookie": f"sessionid={call['client']}"}
        expert_headers = {"Cookie": f"sessionid={call['expert']}"}
    url = f"ws://127.0.0.1:{port}{path}"
    sent_at = {}
    async with (
        connect(url, origin=origin, additional_headers=client_headers) as client,
        connect(url, origin=origin, additional_headers=expert_headers) as expert,
    ):

        async def drain(socket, timing):
            async for text in socket:
                frame = json.loads(text)
                candidate = frame.get("candidate") if isinstance(frame, dict) else None
                if timing and candidate and candidate.get("bench") in sent_at:
                    samples.append((time.perf_counter() - sent_at.pop(candidate["bench"])) * 1000)

        async def beats(socket):
            while True:
                await socket.send('{"type": "heartbeat"}')
                counts["heartbeats"] += 1
                await asyncio.sleep(REAL_HEARTBEAT_EVERY if ice else LOADED_HEARTBEAT_EVERY)

        async def candidates():
            while True:
                token = uuid.uuid4().hex
                sent_at[token] = time.perf_counter()
                frame = {
                    "type": "ice",
                    "candidate": {"candidate": "candidate:1 1 udp 1 127.0.0.1 9 typ host", "bench": token},
                }
                await client.send(json.dumps(frame))
                counts["ice"] += 1
                await asyncio.sleep(ice)

        tasks = [
            asyncio.create_task(drain(client, False)),
            asyncio.create_task(drain(expert, True)),
            asyncio.create_task(beats(client)),
            asyncio.create_task(beats(expert)),
        ]
        if ice:
            tasks.append(asyncio.create_task(candidates()))
        await asyncio.sleep(seconds)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def scenario(port, calls, kind, seconds, ice):
    samples, counts = [], {"heartbeats": 0, "ice": 0}
    await asyncio.gather(*(call_run(port, call, kind, seconds, ice, samples, counts) for call in calls))
    return samples, counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument(
        "--ice-every", type=float, default=1.0, help="seconds between two ICE frames of a call"
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
        log(f"seeding {options.calls} calls")
        calls = seed(env, options.calls)
        server = Server(env, workers=1, app="benchmarks.chat.asgi:application")
        started.append(server)
        port, pid = server.port, server.process.pid
        asyncio.run(scenario(port, calls[:2], "call", 2, 0.5))  # warm-up: imports, connections
        asyncio.run(scenario(port, calls[:2], "echo", 2, 0.5))
        rows = []
        relay = options.ice_every
        for kind, ice in (("echo", 0), ("call", 0), ("echo", relay), ("call", relay)):
            phase = "relay" if ice else "meter"
            log(f"{kind} {phase}: {len(calls)} calls ({2 * len(calls)} sockets), {options.seconds:g} s")
            cpu = cpu_seconds(pid)
            samples, counts = asyncio.run(scenario(port, calls, kind, options.seconds, ice))
            rows.append((kind, phase, samples, counts, cpu_seconds(pid) - cpu))
        print()
        header = ("socket", "phase", "beats", "ice", "timed", "p50 ms", "p95 ms", "max ms", "cpu s")
        widths = (6, 6, 7, 7, 7, 8, 8, 8, 7)
        print(" ".join(f"{title:>{width}}" for title, width in zip(header, widths, strict=True)))
        for kind, phase, samples, counts, cpu in rows:
            p50 = f"{statistics.median(samples):8.2f}" if samples else f"{'-':>8}"
            p95 = f"{percentile(samples, 0.95):8.2f}" if samples else f"{'-':>8}"
            top = f"{max(samples):8.2f}" if samples else f"{'-':>8}"
            beats, ice = counts["heartbeats"], counts["ice"]
            print(f"{kind:>6} {phase:>6} {beats:>7} {ice:>7} {len(samples):>7} {p50} {p95} {top} {cpu:7.2f}")
        meter = {kind: (counts, cpu) for kind, phase, _s, counts, cpu in rows if phase == "meter"}
        per_beat = {kind: cpu / max(counts["heartbeats"], 1) for kind, (counts, cpu) in meter.items()}
        print()
        for kind in ("echo", "call"):
            minute = per_beat[kind] * REAL_BEATS_PER_MINUTE * 1000
            print(
                f"{kind:>6}: {per_beat[kind] * 1000:.3f} ms CPU per heartbeat; "
                f"{minute:.2f} ms CPU per call-minute at 15 s heartbeats"
            )
        print(
            f"one server core meters about {60 / max(per_beat['call'] * REAL_BEATS_PER_MINUTE, 1e-9):,.0f} "
            "calls at once (heartbeats only; media never pass through the server)"
        )
        return 0
    except KeyboardInterrupt:
        return 130
    finally:
        for service in reversed(started):
            service.stop()


if __name__ == "__main__":
    sys.exit(main())
