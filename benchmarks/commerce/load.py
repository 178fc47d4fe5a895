"""A small closed-loop load generator: N threads, one keep-alive connection each, loopback only.

Each thread sends its next request (or starts its next checkout flow) as soon as the previous one
has finished, until the duration is over or the request budget is spent; requests still in flight
then finish and count. Cookies and redirects are handled like a browser, so the checkout flows
(``flows.py``) run unchanged over HTTP.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import urllib3

from benchmarks.commerce import flows

HOST = "127.0.0.1"
TIMEOUT = urllib3.Timeout(connect=10, read=600)


class HttpClient:
    """The flows' client interface over one keep-alive connection, with its own cookie jar."""

    def __init__(self, port):
        self.pool = urllib3.HTTPConnectionPool(
            HOST, port, maxsize=1, block=True, timeout=TIMEOUT, retries=False
        )
        self.cookies = {}
        self.requests = 0

    def new_visitor(self):
        self.cookies = {}

    def _request(self, method, path, body=None):
        headers = {"User-Agent": "bench", "Host": f"{HOST}:{self.pool.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.requests += 1
        response = self.pool.request(
            method, path, body=body, headers=headers, redirect=False, preload_content=True
        )
        for header in response.headers.getlist("Set-Cookie"):
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or (morsel["expires"] and "1970" in morsel["expires"]):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def _follow(self, response, path):
        while response.status in (301, 302, 303):
            path = urlsplit(response.headers["Location"]).path or "/"
            response = self._request("GET", path)
        return flows.Page(response.status, path, response.data)

    def get(self, path):
        return self._follow(self._request("GET", path), path)

    def post(self, path, data):
        return self._follow(self._request("POST", path, urlencode(data)), path)

    def close(self):
        self.pool.close()


@dataclass
class Result:
    """Completed units (requests or flows) per second and their latencies."""

    units: int = 0
    seconds: float = 0.0
    latencies: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    requests: int = 0

    @property
    def rate(self):
        return self.units / self.seconds if self.seconds else 0.0

    def percentile(self, share):
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]

    @property
    def p50_ms(self):
        return statistics.median(self.latencies) * 1000 if self.latencies else float("nan")

    @property
    def p95_ms(self):
        return self.percentile(0.95) * 1000


def run(port, unit, *, concurrency=8, duration=10.0, max_units=100_000, seed=1):
    """Run ``unit(client, rng)`` in ``concurrency`` closed loops; returns a ``Result``.

    ``unit`` does one request (a page) or one flow; it raises (e.g. ``flows.FlowError``) on a wrong
    answer, which is recorded and the loop goes on.
    """
    result = Result()
    lock = threading.Lock()
    budget = [max_units]
    started = time.perf_counter()
    deadline = started + duration

    def loop(index):
        client = HttpClient(port)
        rng = random.Random(seed * 1000 + index)
        try:
            while time.perf_counter() < deadline:
                with lock:
                    if budget[0] <= 0:
                        return
                    budget[0] -= 1
                begun = time.perf_counter()
                try:
                    unit(client, rng)
                except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
                    with lock:
                        result.errors.append(f"{error.__class__.__name__}: {error}"[:300])
                    client.close()
                    client = HttpClient(port)
                    continue
                elapsed = time.perf_counter() - begun
                with lock:
                    result.units += 1
                    result.latencies.append(elapsed)
        finally:
            with lock:
                result.requests += client.requests
            client.close()

    threads = [threading.Thread(target=loop, args=(index,), daemon=True) for index in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result


def page_unit(paths):
    """One GET of a random path from ``paths`` by a new visitor; anything but a 200 is an error."""

    def unit(client, rng):
        client.new_visitor()
        path = rng.choice(paths)
        page = client.get(path)
        if page.status != 200:
            raise flows.FlowError(f"{path}: {page.status}")

    return unit


def flow_unit(checkout, products):
    """One guest checkout (a ``flows`` function) of a random product, as a new visitor."""

    def unit(client, rng):
        client.new_visitor()
        checkout(client, rng.choice(products))

    return unit
