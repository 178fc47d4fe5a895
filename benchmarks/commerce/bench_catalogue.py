"""Benchmark of the storefront: our catalogue and checkout against stock Oscar's, on the same data.

    .venv/bin/python benchmarks/commerce/bench_catalogue.py [--products 10000] [--list-products 100000]
                                                           [--duration 10] [--quick]

Starts its own PostgreSQL and Redis (scripts/services.py; the cluster and a migrated template
database stay in var/bench-services/commerce/, the benchmark database is cloned fresh each run),
seeds the catalogue in bulk (benchmarks/commerce/seed.py), serves the site with uvicorn (ASGI,
2 workers, DEBUG off) and the settings ``benchmarks.commerce.settings``, which also mount stock
Oscar's views under /stock-oscar/ (benchmarks/commerce/stock_oscar.py). A closed-loop load generator
(benchmarks/commerce/load.py, keep-alive, loopback) measures req/s (flows/s for the checkout) and
p50/p95 latency, and a bare Django view gives the server's ceiling; queries and Django's CPU time
per page are measured in-process with the test client (benchmarks/commerce/queries.py). Ours and
stock Oscar alternate (ours, stock, stock, ours …) so a change of load on the machine weighs on
both. Prints a table and the issue's goals, met or not; never fails on a figure. Stops every
process it started, also on Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness  # noqa: E402
from benchmarks.commerce import flows, load, processes  # noqa: E402

SIDES = (flows.OURS, flows.STOCK)
HELLO = "/bench/hello/"


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def seed(env, products, sample):
    started = time.perf_counter()
    picked = harness.run_json(
        env,
        "benchmarks.commerce.seed",
        "--products",
        str(products),
        "--sample",
        str(sample),
        marker="PRODUCTS",
    )
    log(f"catalogue at {products} products ({time.perf_counter() - started:.0f} s)")
    return picked


def count_queries(env, products, what):
    return harness.run_json(
        env,
        "benchmarks.commerce.queries",
        "--products",
        json.dumps(products),
        "--what",
        what,
        marker="QUERIES",
    )


def measure(port, units, options, *, max_units=100_000):
    """ABBA rounds: each side runs ``options.rounds`` times, in alternating order; totals pooled."""
    results = {side: load.Result() for side in SIDES}
    order = []
    for round_number in range(options.rounds):
        order += list(SIDES) if round_number % 2 == 0 else list(reversed(SIDES))
    share = options.duration / options.rounds
    for side in SIDES:  # warm-up: templates, connections, per-process caches
        load.run(port, units[side], concurrency=options.concurrency, duration=options.warmup, max_units=16)
    for side in order:
        part = load.run(
            port,
            units[side],
            concurrency=options.concurrency,
            duration=share,
            max_units=max(1, max_units // options.rounds),
        )
        total = results[side]
        total.units += part.units
        total.seconds += part.seconds
        total.latencies += part.latencies
        total.errors += part.errors
        total.requests += part.requests
    return results


def rendered_figures(queries, page):
    """``{side: (queries, cpu_ms)}`` of ``page`` with the caches off (see queries.py)."""
    key, cpu_key = f"{page}_rendered", f"{page}_rendered_cpu_ms"
    return {side: (queries[side][key], queries[side][cpu_key]) for side in SIDES}


def warm_pages(port, paths_by_side):
    """Visit every sampled page once on each side, as the visitors of a live site keep its caches warm.

    Our product pages then come from the page cache (what a returning visitor of a popular product
    gets); the first visitor after a change renders the page, and that path is measured separately
    (queries.py, "rendered" figures). Stock Oscar has no page cache, so this changes nothing there.
    """
    client = load.HttpClient(port)
    try:
        for paths in paths_by_side.values():
            for path in paths:
                client.new_visitor()
                client.get(path)
    finally:
        client.close()


def scenario(rows, label, unit_label, results, queries, cpu, note="", rendered=None):
    """``rendered``: ``{side: (queries, cpu_ms)}`` of the page with the page and card caches off."""
    rows.append(
        {
            "label": label,
            "unit": unit_label,
            "results": results,
            "queries": queries,
            "cpu": cpu,
            "note": note,
            "rendered": rendered,
        }
    )
    ours, stock = results[flows.OURS], results[flows.STOCK]
    log(
        f"{label}: ours {ours.rate:.2f} {unit_label} (p95 {ours.p95_ms:.0f} ms, n={ours.units}), "
        f"stock {stock.rate:.2f} {unit_label} (p95 {stock.p95_ms:.0f} ms, n={stock.units})"
    )
    for side in SIDES:
        for error in sorted(set(results[side].errors))[:3]:
            log(f"  {side} error: {error}")


def ratio(rows, label):
    row = next((row for row in rows if row["label"] == label), None)
    if row is None:
        return None
    stock = row["results"][flows.STOCK].rate
    return row["results"][flows.OURS].rate / stock if stock else math.inf


def _fmt(value, pattern):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return pattern.format(value)


def _line(cells, widths):
    return " ".join(
        f"{text:<{width}}" if index == 0 else f"{text:>{width}}"
        for index, (text, width) in enumerate(zip(cells, widths, strict=True))
    )


def print_table(rows):
    print()
    header = (
        "page",
        "ours /s",
        "stock /s",
        "ratio",
        "ours p95 ms",
        "stock p95 ms",
        "ours queries",
        "stock queries",
    )
    widths = (36, 9, 9, 7, 12, 12, 13, 14)
    print(_line(header, widths))
    for row in rows:
        ours, stock = row["results"][flows.OURS], row["results"][flows.STOCK]
        cells = (
            row["label"],
            _fmt(ours.rate, "{:.2f}"),
            _fmt(stock.rate, "{:.2f}"),
            _fmt(ours.rate / stock.rate if stock.rate else None, "{:.1f}×"),
            _fmt(ours.p95_ms, "{:.0f}"),
            _fmt(stock.p95_ms, "{:.0f}"),
            _fmt(row["queries"][flows.OURS], "{}"),
            _fmt(row["queries"][flows.STOCK], "{}"),
        )
        print(_line(cells, widths))
    print("\nDjango CPU in-process (ms per page or flow; PostgreSQL's and Redis's own CPU not included):")
    widths = (36, 9, 9, 7)
    print(_line(("page", "ours ms", "stock ms", "ratio"), widths))
    for row in rows:
        ours, stock = row["cpu"][flows.OURS], row["cpu"][flows.STOCK]
        print(_line((row["label"], f"{ours:.1f}", f"{stock:.1f}", f"{stock / ours:.1f}×"), widths))
    rendered = [row for row in rows if row["rendered"]]
    if rendered:
        print("\nFirst visitor after a change (page and card caches off), queries and CPU ms per page:")
        widths = (36, 9, 9, 9, 9, 7)
        print(_line(("page", "ours q", "stock q", "ours ms", "stock ms", "ratio"), widths))
        for row in rendered:
            (ours_q, ours_ms), (stock_q, stock_ms) = row["rendered"][flows.OURS], row["rendered"][flows.STOCK]
            cells = (row["label"], str(ours_q), str(stock_q), f"{ours_ms:.1f}", f"{stock_ms:.1f}")
            print(_line((*cells, f"{stock_ms / ours_ms:.1f}×"), widths))
    print()
    for row in rows:
        if row["note"]:
            print(f"  {row['label']}: {row['note']}")
        for side in SIDES:
            errors = row["results"][side].errors
            if errors:
                print(f"  {row['label']}, {side}: {len(errors)} errors, e.g. {errors[0]}")


def goals(rows, list_labels):
    """The issue's goals, each ``(text, met, measured)``; ``met`` is None when not measured."""
    product = next((row for row in rows if row["label"] == "product page"), None)
    checkouts = [row for row in rows if row["label"].startswith("checkout")]
    small_list = next((row for row in rows if row["label"] == list_labels[0]), None)
    large_list = next((row for row in rows if row["label"] == list_labels[1]), None)
    found = []

    def add(text, met, measured):
        found.append((text, met, measured))

    if product:
        value = ratio(rows, "product page")
        add("product page ≥ 2× stock Oscar", value >= 2, f"{value:.1f}×")
        queries = product["queries"][flows.OURS]
        add("product page ≤ 10 queries", queries <= 10, f"{queries} queries")
    if small_list:
        value = ratio(rows, list_labels[0])
        add(f"{list_labels[0]} ≥ 20× stock Oscar", value >= 20, f"{value:.1f}×")
        queries = small_list["queries"][flows.OURS]
        add(f"{list_labels[0]} ≤ 20 queries", queries <= 20, f"{queries} queries")
    if small_list and large_list:
        small, large = small_list["results"][flows.OURS], large_list["results"][flows.OURS]
        growth = small.rate / large.rate if large.rate else math.inf
        latency_growth = large.p50_ms / small.p50_ms if small.p50_ms else math.inf
        cpu_growth = large_list["cpu"][flows.OURS] / small_list["cpu"][flows.OURS]
        # The median latency: a few stalls of a busy machine move req/s and p95, not the median.
        add(
            "our list grows ≤ 1.5× from the small to the large catalogue (p50 latency)",
            latency_growth <= 1.5,
            f"p50 × {latency_growth:.2f}, req/s ÷ {growth:.2f}, Django CPU × {cpu_growth:.2f}, "
            f"queries {small_list['queries'][flows.OURS]} → {large_list['queries'][flows.OURS]}",
        )
    for checkout in checkouts:
        value = ratio(rows, checkout["label"])
        way = "pop-up" if checkout["label"].startswith("checkout flow") else "via the basket"
        add(f"add-to-basket + checkout flow ≥ 3× stock Oscar ({way})", value >= 3, f"{value:.1f}×")
    return found


def print_goals(found):
    print("\nGoals (issue 4, Performance) — printed, never asserted:")
    for text, met, measured in found:
        print(f"  [{'met' if met else 'NOT met'}] {text}: {measured}")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, default=10_000, help="catalogue of every page")
    parser.add_argument("--list-products", type=int, default=100_000, help="second scale, list page only")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds measured per side and scenario")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2, help="alternations ours/stock per scenario")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up per side and scenario")
    parser.add_argument(
        "--eager-tasks",
        action="store_true",
        help="run Celery tasks (invoice PDFs, emails) inside the request instead of queueing them to Redis",
    )
    parser.add_argument("--quick", action="store_true", help="1000 / 5000 products, 3 s per side")
    options = parser.parse_args(argv)
    if options.quick:
        options.products, options.list_products = 1_000, 5_000
        options.duration, options.warmup = 3.0, 1.0
    list_labels = (f"catalogue list @ {options.products:,}", f"catalogue list @ {options.list_products:,}")

    started = time.perf_counter()
    services, server, rows, hello = [], None, [], None
    try:
        services.append(processes.start_postgres(processes.DATA_DIR / "pgdata"))
        services.append(processes.start_redis())
        log("PostgreSQL and Redis started; migrating the template database (only new migrations)")
        database_url = processes.prepare_databases(services[0].url, services[1].url)
        env = processes.django_env(database_url, services[1].url, eager_tasks=options.eager_tasks)

        products = seed(env, options.products, sample=500)
        queries = count_queries(env, products, "product,list,checkout")
        server = processes.Server(env)
        load.run(
            server.port, load.page_unit([HELLO]), concurrency=options.concurrency, duration=options.warmup
        )
        hello = load.run(
            server.port,
            load.page_unit([HELLO]),
            concurrency=options.concurrency,
            duration=options.duration / 2,
        )
        log(f"server ceiling (bare Django view {HELLO}): {hello.rate:.0f} req/s, p95 {hello.p95_ms:.0f} ms")
        product_paths = {side: [flows.product_path(side, path) for _pk, path in products] for side in SIDES}
        warm_pages(server.port, product_paths)
        results = measure(server.port, {side: load.page_unit(product_paths[side]) for side in SIDES}, options)
        scenario(
            rows,
            "product page",
            "req/s",
            results,
            {side: queries[side]["product"] for side in SIDES},
            {side: queries[side]["product_cpu_ms"] for side in SIDES},
            rendered=rendered_figures(queries, "product"),
            note=(
                "a new visitor per request; after browsing 20 products (Oscar's recently viewed block): "
                f"{queries[flows.OURS]['product_history']} queries on ours, "
                f"{queries[flows.STOCK]['product_history']} on stock Oscar"
            ),
        )

        list_units = {side: load.page_unit([flows.list_path(side)]) for side in SIDES}
        results = measure(server.port, list_units, options)
        scenario(
            rows,
            list_labels[0],
            "req/s",
            results,
            {side: queries[side]["list"] for side in SIDES},
            {side: queries[side]["list_cpu_ms"] for side in SIDES},
            rendered=rendered_figures(queries, "list"),
        )

        tasks = "run in the request (--eager-tasks)" if options.eager_tasks else "queued, no worker"
        ours_flows = {
            "checkout flow (flows/s)": ("checkout", flows.CHECKOUTS[flows.OURS]),
            "checkout via the basket (flows/s)": ("checkout_basket", flows.OURS_BASKET_CHECKOUT),
        }
        for label, (name, ours_flow) in ours_flows.items():
            units = {flows.OURS: load.flow_unit(ours_flow, products)}
            units[flows.STOCK] = load.flow_unit(flows.CHECKOUTS[flows.STOCK], products)
            results = measure(server.port, units, options)
            keys = {flows.OURS: name, flows.STOCK: "checkout"}
            requests = {side: queries[side][f"{keys[side]}_requests"] for side in SIDES}
            scenario(
                rows,
                label,
                "flows/s",
                results,
                {side: queries[side][keys[side]] for side in SIDES},
                {side: queries[side][f"{keys[side]}_cpu_ms"] for side in SIDES},
                note=(
                    f"one flow = {requests[flows.OURS]} requests on ours, {requests[flows.STOCK]} on stock "
                    f"Oscar (redirects followed); queries are per flow; tasks {tasks}"
                ),
            )
        server.stop()
        server = None

        if options.list_products > options.products:
            products = seed(env, options.list_products, sample=50)
            queries = count_queries(env, products, "list")
            server = processes.Server(env)
            results = measure(server.port, list_units, options)
            scenario(
                rows,
                list_labels[1],
                "req/s",
                results,
                {side: queries[side]["list"] for side in SIDES},
                {side: queries[side]["list_cpu_ms"] for side in SIDES},
                rendered=rendered_figures(queries, "list"),
            )
    except KeyboardInterrupt:
        log("interrupted: stopping what was started")
    finally:
        if server is not None:
            server.stop()
        for service in reversed(services):
            service.stop()

    if rows:
        print_table(rows)
        if hello is not None:
            print(
                f"\nServer ceiling: a bare Django view ({HELLO}) answers {hello.rate:.0f} req/s "
                f"(p95 {hello.p95_ms:.0f} ms) on the same server and client."
            )
        print_goals(goals(rows, list_labels))
        print(
            f"\nuvicorn --workers 2 (ASGI), loopback; {options.concurrency} closed-loop keep-alive clients; "
            f"{options.duration:g} s per side and scenario in {options.rounds} alternating rounds after "
            f"{options.warmup:g} s of warm-up; the client shares the machine's CPUs with the server and "
            f"PostgreSQL. Queries: in-process test client, warm caches, transaction control not counted. "
            f"Total {time.perf_counter() - started:.0f} s."
        )


if __name__ == "__main__":
    main()
