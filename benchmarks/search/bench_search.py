"""Benchmark of faceted search: the app's endpoint against the raw search-server query, at scale.

    .venv/bin/python benchmarks/search/bench_search.py [--products 10000] [--experts 1000] [--requests 200]

Starts its own PostgreSQL, Redis and osmem-server (scripts/services.py; the PostgreSQL cluster stays
in var/bench-services/search/, so only the first run migrates), bulk-indexes synthetic product and
expert documents straight into bench indexes (no database rows: hits the database does not know are
simply skipped, which the raw figure does not pay either), then measures, in the same run:

- raw: the exact request body the app builds (text + 6 facet aggregations + post_filter), sent with
  the Elasticsearch client;
- app: ``GET /api/search/?q=…&<6 facets>`` through Django's test client (middleware, parsing,
  labels, serialisation; no HTTP socket, so the difference is the app's own cost);
- the same pair for experts;
- the catalogue filtered from the database with the search server unreachable, over
  ``--db-products`` real product rows (bulk-created once).

Prints p50/p95 and the app's added p50 (goal: ≤ 5 ms). Never fails on a figure.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))

from services import start_postgres, start_redis, start_search  # noqa: E402

from benchmarks.harness import log  # noqa: E402

DATA_DIR = ROOT / "var" / "bench-services" / "search"
WORDS = ["tajine", "chechia", "tapis", "kilim", "plat", "bol", "coussin", "lampe", "bague", "panier"]
COLOURS = ["rouge", "bleu", "vert", "noir", "blanc"]
SELLERS = [f"vendeur-{n}" for n in range(20)]
PRODUCT_QUERY = (
    "q=tajine&seller=vendeur-1&seller=vendeur-2&price=20-50&in_stock=true&attr_colour=rouge&rating=3"
)
EXPERT_QUERY = "q=finance&domain=finance&language=fr&service=video&text_price=10-25&verified=true"


def percentiles(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def timed(call, count):
    call()  # warm
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def product_docs(count):
    rng = random.Random(1)
    for pk in range(1, count + 1):
        title = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {pk}"
        yield {
            "_id": pk,
            "_source": {
                "title": title,
                "title_fr": title,
                "category_ids": [str(rng.randint(1, 30))],
                "seller_codes": [rng.choice(SELLERS)],
                "attributes": [f"colour:{rng.choice(COLOURS)}"],
                "product_class": "physical",
                "price": round(rng.uniform(5, 300), 3),
                "in_stock": rng.random() > 0.2,
                "is_public": True,
                "rating": rng.choice([None, 1, 2, 3, 4, 5]),
                "num_purchases": rng.randint(0, 500),
                "date_created": "2026-01-01",
                "suggest": {"input": [title]},
            },
        }


def expert_docs(count):
    rng = random.Random(2)
    for pk in range(1, count + 1):
        yield {
            "_id": pk,
            "_source": {
                "full_name": f"Expert {pk}",
                "bio_fr": f"Conseil en {rng.choice(['finance', 'droit', 'santé'])}",
                "domains": [rng.choice(["finance", "droit", "sante"])],
                "domain_names": ["Finance"],
                "languages": rng.sample(["fr", "ar", "en"], 2),
                "services": rng.sample(["text", "video", "call"], 2),
                "text_price": rng.randint(5, 120),
                "video_price": rng.randint(10, 200),
                "call_price_per_minute": rng.randint(1, 30),
                "lowest_price": rng.randint(1, 30),
                "verified": True,
                "approved_at": "2026-01-01",
                "suggest": {"input": [f"Expert {pk}"]},
            },
        }


def bulk_index(document, docs):
    from elasticsearch.helpers import bulk

    index = document._index
    index.delete(ignore_unavailable=True)
    index.create()
    client = document._get_connection().options(request_timeout=300)
    bulk(client, ({**doc, "_index": index._name} for doc in docs), chunk_size=2000)
    client.indices.refresh(index=index._name)


def raw_and_app(client, kind_name, query_string, count):
    from django.http import QueryDict

    from search import faceted

    kind = faceted.KINDS[kind_name]()
    facets = kind.facets()
    selection = faceted.parse(kind, QueryDict(query_string), facets)
    body = faceted.build_search(kind, selection, facets).to_dict()
    es = kind.document._get_connection()
    index = kind.document._index._name
    total = es.search(index=index, body=body)["hits"]["total"]["value"]
    raw = timed(lambda: es.search(index=index, body=body), count)
    url = f"/api/search/?type={kind_name}&{query_string}"
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    app = timed(lambda: client.get(url), count)
    return total, raw, app


def seed_database_products(count):
    from decimal import Decimal

    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    ProductClass = get_model("catalogue", "ProductClass")
    Partner = get_model("partner", "Partner")
    StockRecord = get_model("partner", "StockRecord")
    have = Product.objects.count()
    if have >= count:
        return
    product_class, _ = ProductClass.objects.get_or_create(
        slug="physical", defaults={"name": "Physical", "track_stock": True}
    )
    partners = [Partner.objects.get_or_create(code=code, defaults={"name": code})[0] for code in SELLERS]
    rng = random.Random(3)
    products = Product.objects.bulk_create(
        Product(
            title=f"{rng.choice(WORDS).capitalize()} {pk}",
            slug=f"bench-{pk}",
            product_class=product_class,
            structure="standalone",
            is_public=True,
        )
        for pk in range(have, count)
    )
    StockRecord.objects.bulk_create(
        StockRecord(
            product=product,
            partner=rng.choice(partners),
            partner_sku=f"B-{product.pk}",
            price=Decimal(f"{rng.uniform(5, 300):.3f}"),
            num_in_stock=rng.randint(0, 20),
        )
        for product in products
    )


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--experts", type=int, default=1_000)
    parser.add_argument("--db-products", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(argv)
    started = []
    try:
        started.append(start_postgres(DATA_DIR / "pgdata", database="souk_bench"))
        started.append(start_redis())
        started.append(start_search())
        urls = {service.name: service.url for service in started}
        os.environ.update(
            DJANGO_SETTINGS_MODULE="config.settings.test",
            DATABASE_URL=urls["postgresql"],
            REDIS_URL=urls["redis"],
            SEARCH_URL=urls["osmem-server"],
            SEARCH_INDEX_PREFIX="bench",
            # Two busy cores shared with other work: a slow answer is a figure, not a failure.
            SEARCH_TIMEOUT="60",
        )
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()
        from rest_framework.throttling import SimpleRateThrottle

        # One client asks hundreds of times a second: measure the endpoint, not the rate limit.
        SimpleRateThrottle.THROTTLE_RATES = {"anon": "1000000/min", "user": "1000000/min"}
        log("migrating (first run only takes a while)")
        call_command("migrate", "--noinput", verbosity=0)
        from search.documents import ExpertDocument, ProductDocument

        log(f"indexing {args.products} products and {args.experts} experts")
        bulk_index(ProductDocument, product_docs(args.products))
        bulk_index(ExpertDocument, expert_docs(args.experts))
        client = Client(HTTP_ACCEPT_LANGUAGE="fr")
        rows = []
        for kind_name, query in (("products", PRODUCT_QUERY), ("experts", EXPERT_QUERY)):
            total, raw, app = raw_and_app(client, kind_name, query, args.requests)
            rows.append((kind_name, total, raw, app))
        log(f"seeding {args.db_products} product rows for the database fallback")
        seed_database_products(args.db_products)
        from django.conf import settings
        from elasticsearch.dsl.connections import connections

        config = settings.ELASTICSEARCH_DSL["default"]
        connections.create_connection("default", **{**config, "hosts": "http://127.0.0.1:9"})
        url = "/fr/catalogue/?seller=vendeur-1&price=20-50&in_stock=true&sort_by=price-asc"
        assert client.get(url).status_code == 200
        fallback = timed(lambda: client.get(url), max(20, args.requests // 4))
        print()
        print(f"{'request':<44}{'hits':>7}{'p50 ms':>10}{'p95 ms':>10}")
        for kind_name, total, raw, app in rows:
            print(f"{kind_name + ': raw search-server query':<44}{total:>7}{raw[0]:>10.1f}{raw[1]:>10.1f}")
            print(
                f"{kind_name + ': app /api/search/ (6 facets)':<44}{total:>7}{app[0]:>10.1f}{app[1]:>10.1f}"
            )
            print(f"{'  app adds (p50, goal <= 5 ms)':<44}{'':>7}{app[0] - raw[0]:>10.1f}")
        print(f"{'catalogue, search down, DB filters':<44}{'':>7}{fallback[0]:>10.1f}{fallback[1]:>10.1f}")
        return 0
    finally:
        for service in reversed(started):
            service.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
