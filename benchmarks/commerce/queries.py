"""Queries and Django CPU time per page (and per checkout flow), in-process with the test client.

    python -m benchmarks.commerce.queries --products '<json [[pk, path], …]>' [--what product,list,checkout]

Same settings and database as the served site. Each page is requested once first (the caches a
live site keeps warm: page cache, product cards, header categories, thumbnails, translations), then
counted; the product and list pages are counted again with the page and card caches off
("rendered": the first visitor after a change). Transaction
control statements (BEGIN, COMMIT, SAVEPOINT …, present because requests are atomic as in
production) are not counted. CPU is this process's (Django's) time per page, median of up to five
new visitors; PostgreSQL's and Redis's own CPU is not in it. Prints ``QUERIES <json>``.

With ``BENCH_PROFILE=<n>`` it also prints, on stderr, the queries and CPU of each request of the
route through the basket (median of n flows) and where each request's time goes (cProfile of n
more flows; with ``BENCH_PROFILE_DUMP=<folder>``, also one pstats file per request there).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import statistics
import sys
import time

from benchmarks.commerce import flows
from benchmarks.commerce.seed import setup_django

#: The first visitor after a change: product page and product cards rendered, not cached.
NO_PAGE_CACHES = {"CATALOGUE_PAGE_CACHE_SECONDS": 0, "CATALOGUE_CARD_CACHE_SECONDS": 0}
CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


class TestClient:
    """The flows' client interface over Django's test client (redirects followed like a browser)."""

    _shared = None

    def __init__(self):
        from django.test import Client

        # One Django client (a new one loads the whole middleware chain again), no cookies: a new visitor.
        if TestClient._shared is None:
            TestClient._shared = Client()
        self.client = TestClient._shared
        self.client.cookies.clear()
        self.requests = 0

    def send(self, method, path, data=None):
        """One HTTP request (no redirect followed)."""
        return self.client.post(path, data) if method == "POST" else self.client.get(path)

    def _follow(self, response, path):
        while response.status_code in (301, 302, 303):
            path = response["Location"]
            self.requests += 1
            response = self.send("GET", path)
        return flows.Page(response.status_code, path, response.content)

    def get(self, path):
        self.requests += 1
        return self._follow(self.send("GET", path), path)

    def post(self, path, data):
        self.requests += 1
        return self._follow(self.send("POST", path, data), path)


class ProfilingClient(TestClient):
    """A ``TestClient`` that records each request's queries and CPU ms (and, given ``profiles``,
    its cProfile) under its position in the flow: "1 GET /fr/catalogue/…"."""

    def __init__(self, figures, profiles=None):
        super().__init__()
        self.figures = figures
        self.profiles = profiles

    def send(self, method, path, data=None):
        where = re.sub(r"\d+", "N", re.sub(r"/catalogue/.+", "/catalogue/…", path.split("?")[0]))
        label = f"{self.requests} {method} {where}"
        profile = cProfile.Profile() if self.profiles is not None else None

        def request():
            if profile is None:
                return super(ProfilingClient, self).send(method, path, data)
            return profile.runcall(super(ProfilingClient, self).send, method, path, data)

        queries, cpu_ms, response = count(request)
        self.figures.setdefault(label, []).append((queries, cpu_ms))
        if profile is not None:
            self.profiles.setdefault(label, []).append(profile)
        return response


def count(action):
    """Queries run by ``action()`` (transaction control left out), its CPU ms, and its result."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.process_time()
        result = action()
        cpu_ms = (time.process_time() - started) * 1000
    sql = [query["sql"] for query in captured.captured_queries]
    return len([text for text in sql if not text.upper().startswith(CONTROL)]), cpu_ms, result


def page_queries(path, *, history=()):
    """Queries and CPU ms of ``path`` for a new visitor (or one who has just seen ``history``)."""
    TestClient().get(path)  # warm-up
    if history:
        client = TestClient()
        for seen in history:
            client.get(seen)
        queries, cpu_ms, page = count(lambda: client.get(path))
        runs = [(queries, cpu_ms)]
    else:
        runs = []
        for _ in range(5):
            queries, cpu_ms, page = count(lambda: TestClient().get(path))
            runs.append((queries, cpu_ms))
            if sum(cpu for _q, cpu in runs) > 3000:
                break
    if page.status != 200:
        raise flows.FlowError(f"{path}: {page.status}")
    return statistics.median_low([q for q, _cpu in runs]), statistics.median([cpu for _q, cpu in runs])


def flow_figures(name, checkout, products):
    """Queries (median), Django CPU (median) and requests of one checkout flow, after a warm-up
    (first order, first email …).

    Each flow starts on a product page a visitor has just seen (the page cache a live site keeps
    warm), as the load does after ``warm_pages``: the flow counted before this one bought the same
    products, and a sale changes the page (its stock), which would otherwise count a rendered
    product page for the second flow only."""
    checkout(TestClient(), products[-1])
    runs = []
    for product in products[1:4]:
        TestClient().get(flows.product_path(flows.OURS, product[1]))
        client = TestClient()
        queries, cpu_ms, _page = count(lambda: checkout(client, product))  # noqa: B023
        runs.append((queries, cpu_ms))
    return {
        name: statistics.median_low([queries for queries, _cpu in runs]),
        f"{name}_cpu_ms": statistics.median([cpu for _queries, cpu in runs]),
        f"{name}_requests": client.requests,
    }


def profile_basket_route(products, flow_count=5):
    """Per request of the route through the basket: queries and CPU ms (median of ``flow_count``
    flows, each on a product page a visitor has just seen), then a cProfile of each request over
    as many more flows; all on stderr. The flows buy the second half of ``products``, so the
    flows counted afterwards (the first ones) still start on products nobody bought."""
    figures, profiles = {}, {}
    products = products[len(products) // 2 :]
    flows.OURS_BASKET_CHECKOUT(TestClient(), products[0])  # warm-up
    for index, product in enumerate(products[1 : 1 + 2 * flow_count]):
        TestClient().get(flows.product_path(flows.OURS, product[1]))
        client = ProfilingClient(figures, profiles if index >= flow_count else None)
        flows.OURS_BASKET_CHECKOUT(client, product)
    out = sys.stderr
    print("--- route through the basket, per request (queries, CPU ms; median):", file=out)
    for label, runs in figures.items():
        queries = statistics.median_low([q for q, _cpu in runs[:flow_count]])
        cpu = statistics.median([cpu for _q, cpu in runs[:flow_count]])
        print(f"  {label:<45} {queries:>3} queries {cpu:7.1f} ms", file=out)
    print(
        "--- the same, Python function calls per request (cProfile; steady when the machine is not):",
        file=out,
    )
    for label, runs in profiles.items():
        calls = pstats.Stats(*runs).total_calls / len(runs)
        print(f"  {label:<45} {calls:9.0f} calls", file=out)
    for label, runs in profiles.items():
        stream = io.StringIO()
        stats = pstats.Stats(*runs, stream=stream)
        if os.environ.get("BENCH_PROFILE_DUMP"):  # a folder: one pstats file per request, to dig into
            stats.dump_stats(
                os.path.join(os.environ["BENCH_PROFILE_DUMP"], re.sub(r"\W+", "-", label) + ".pstats")
            )
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(25)
        print(f"--- {label}: {len(runs)} requests\n{stream.getvalue()}", file=out)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", required=True, help="JSON list of [pk, path]")
    parser.add_argument("--what", default="product,list,checkout")
    options = parser.parse_args(argv)
    setup_django()
    from django.test import override_settings

    products = json.loads(options.products)
    wanted = options.what.split(",")
    if os.environ.get("BENCH_PROFILE"):
        profile_basket_route(products, flow_count=int(os.environ["BENCH_PROFILE"]))
    result = {}
    for side in (flows.OURS, flows.STOCK):
        figures = result.setdefault(side, {})
        if "product" in wanted:
            runs = [page_queries(flows.product_path(side, path)) for _pk, path in products[:5]]
            figures["product"] = statistics.median_low([queries for queries, _cpu in runs])
            figures["product_cpu_ms"] = statistics.median([cpu for _queries, cpu in runs])
            with override_settings(**NO_PAGE_CACHES):
                runs = [page_queries(flows.product_path(side, path)) for _pk, path in products[5:10]]
            figures["product_rendered"] = statistics.median_low([queries for queries, _cpu in runs])
            figures["product_rendered_cpu_ms"] = statistics.median([cpu for _queries, cpu in runs])
            # A shopper who has browsed: Oscar's "recently viewed" block lists up to 20 products.
            seen = [flows.product_path(side, path) for _pk, path in products[5:25]]
            figures["product_history"], _cpu = page_queries(
                flows.product_path(side, products[0][1]), history=seen
            )
        if "list" in wanted:
            figures["list"], figures["list_cpu_ms"] = page_queries(flows.list_path(side))
            with override_settings(**NO_PAGE_CACHES):
                rendered = page_queries(flows.list_path(side))
            figures["list_rendered"], figures["list_rendered_cpu_ms"] = rendered
        if "checkout" in wanted:
            flows_to_count = {"checkout": flows.CHECKOUTS[side]}
            if side == flows.OURS:
                flows_to_count["checkout_basket"] = flows.OURS_BASKET_CHECKOUT
            for name, checkout in flows_to_count.items():
                figures.update(flow_figures(name, checkout, products))
    print("QUERIES " + json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
