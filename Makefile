# Two commands on a fresh Debian machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
PORT ?= 8000

.PHONY: node-deps run test lint format service-deps system-deps pdf-deps messages lock bench-cms bench-commerce bench-web bench-wallet bench-bookings stress-wallet bench-chat clean bench-digital bench-search bench-calls

## Every dependency, transitive ones included, installed from the hashed lock (`make lock` refreshes it).
$(INSTALLED): requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $(INSTALLED)

## Re-resolve pyproject.toml's pins into the hashed locks (production, and production + dev).
lock: $(INSTALLED)
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 --no-header -o requirements/base.txt
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 --no-header -o requirements/dev.txt

## Serve the demo site at http://127.0.0.1:$(PORT): PostgreSQL and Redis (data in var/), Celery worker
## and beat, osmem-server search, demo data. Ctrl-C stops it all.
run: $(INSTALLED) service-deps pdf-deps
	PORT=$(PORT) $(PY) scripts/run_local.py

## Check the import contracts, then run the whole test suite against real PostgreSQL, Redis,
## osmem-server, Celery and Chromium.
test: $(INSTALLED) system-deps pdf-deps
	$(VENV)/bin/lint-imports
	$(PY) scripts/test.py $(ARGS)

# $(call debian_packages,NAMES): install the missing ones when we are root, else say what to install.
define debian_packages
	@missing=""; \
	for pkg in $(1); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install:$$missing (sudo apt-get install$$missing)"; exit 1; fi; \
	fi
endef

## Debian packages `make run` needs: PostgreSQL, Redis, clamd (malware scans of uploads) and coturn
## (TURN for video calls).
service-deps:
	$(call debian_packages,postgresql redis-server clamav-daemon coturn)

## Debian packages the tests need besides those: Chromium for the browser journeys (coturn, for the
## call tests, comes with service-deps).
system-deps: service-deps
	$(call debian_packages,chromium)

## Libraries WeasyPrint needs for invoices, and Arabic fonts.
pdf-deps:
	$(call debian_packages,libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core)

## Ruff, and the import contracts of pyproject.toml (dependencies point one way, ARCHITECTURE.md).
lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Extract and compile translations (fr, en, ar).
messages: $(INSTALLED)
	$(PY) manage.py makemessages -l fr -l en -l ar --ignore=.venv --ignore=var --ignore=node_modules
	$(PY) manage.py compilemessages --ignore=.venv

## The wallet's state machine with many more sequences (prints its step rate), and its races.
stress-wallet: $(INSTALLED) service-deps
	WALLET_STATEFUL_EXAMPLES=$${WALLET_STATEFUL_EXAMPLES:-400} WALLET_STATEFUL_STEPS=$${WALLET_STATEFUL_STEPS:-60} \
	  $(PY) scripts/test.py -q -s -p no:randomly tests/integration/wallet/test_state_machine.py \
	  tests/integration/wallet/test_concurrency.py $(ARGS)

## Benchmarks (figures printed against baselines measured in the same run; never part of `make test`).
bench-cms: $(INSTALLED) system-deps
	$(PY) benchmarks/cms/bench_pages.py $(ARGS)

## Chat message latency through the server, Redis and PostgreSQL, against a bare Channels echo room.
bench-chat: $(INSTALLED) service-deps
	$(PY) scripts/bench_chat.py $(ARGS)

## Call signaling and metering: 100 calls (200 sockets) of heartbeats and ICE through Redis, p95 relay
## latency and server CPU per call-minute, against a bare Channels echo.
bench-calls: $(INSTALLED) service-deps
	$(PY) benchmarks/calls/bench_calls.py $(ARGS)

bench-commerce: $(INSTALLED) system-deps pdf-deps
	$(PY) benchmarks/commerce/bench_catalogue.py $(ARGS)

## Search at 10k products and 1k experts: the app's faceted endpoint against the raw search-server
## query, and the catalogue filtered from the database when search is down.
bench-search: $(INSTALLED) service-deps
	$(PY) benchmarks/search/bench_search.py $(ARGS)

## Coins: hold + capture through the API against a bare ORM transfer, then `wallet_check`.
bench-wallet: $(INSTALLED) service-deps
	$(PY) benchmarks/wallet/bench_wallet.py $(ARGS)

## Bookings: free slots over 30 days (200 bookings, 500 imported events) against a naive per-slot query.
bench-bookings: $(INSTALLED) service-deps
	$(PY) benchmarks/bookings/bench_bookings.py $(ARGS)

## Digital files: time to first byte of a watermarked 40-page PDF (first and cached), and downloads
## per second through the app against the same file served statically.
bench-digital: $(INSTALLED) service-deps pdf-deps
	$(PY) benchmarks/digital/bench_digital.py $(ARGS)

clean:
	rm -rf var/test-services test-artifacts

## Lighthouse medians (LCP, performance, accessibility) of the storefront served as in production.
node-deps:
	$(call debian_packages,nodejs npm)

bench-web: $(INSTALLED) system-deps
	@# Node and npm from Debian, unless the machine already has them (Debian's npm refuses another node)
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then $(MAKE) --no-print-directory node-deps; fi
	cd benchmarks/web && npm ci --no-audit --no-fund --loglevel=error
	$(PY) benchmarks/web/bench_lighthouse.py $(ARGS)
