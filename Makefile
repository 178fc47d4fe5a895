# Two commands on a fresh Debian machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test lint format system-deps pdf-deps messages bench-cms bench-commerce bench-web clean

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

## Serve the demo site at http://127.0.0.1:$(PORT) (SQLite, osmem-server search, demo data).
run: $(INSTALLED) pdf-deps
	PORT=$(PORT) $(PY) scripts/run_local.py

## Run the whole test suite against real PostgreSQL, Redis, osmem-server, Celery and Chromium.
test: $(INSTALLED) system-deps pdf-deps
	$(PY) scripts/test.py $(ARGS)

## Debian packages the tests need (installed when missing and we are root).
system-deps:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install:$$missing (sudo apt-get install$$missing)"; exit 1; fi; \
	fi

## Libraries WeasyPrint needs for invoices (and Arabic fonts), installed when missing and we are root.
pdf-deps:
	@missing=""; \
	for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core; do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install:$$missing (sudo apt-get install$$missing)"; exit 1; fi; \
	fi

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Extract and compile translations (fr, en, ar).
messages: $(INSTALLED)
	$(PY) manage.py makemessages -l fr -l en -l ar --ignore=.venv --ignore=var --ignore=node_modules
	$(PY) manage.py compilemessages --ignore=.venv

## Benchmarks (figures printed against baselines measured in the same run; never part of `make test`).
bench-cms: $(INSTALLED) system-deps
	$(PY) benchmarks/cms/bench_pages.py $(ARGS)

bench-commerce: $(INSTALLED) system-deps pdf-deps
	$(PY) benchmarks/commerce/bench_catalogue.py $(ARGS)

clean:
	rm -rf var/test-services test-artifacts

## Lighthouse medians (LCP, performance, accessibility) of the storefront served as in production.
bench-web: $(INSTALLED) system-deps
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "Please install: nodejs npm (sudo apt-get install nodejs npm)"; exit 1; fi; }
	cd benchmarks/web && npm ci --no-audit --no-fund --loglevel=error
	$(PY) benchmarks/web/bench_lighthouse.py $(ARGS)
