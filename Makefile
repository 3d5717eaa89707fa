# Two commands on a fresh clone:  make run  (serve the app)  and  make test  (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://root@127.0.0.1:5432/test

.PHONY: install run test lint format check clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is needed (set PYTHON=/path/to/python3.11).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(BIN)/.installed

## make run: install, migrate, load the Clearview docket, create an admin login, then serve
## :8000 with a Celery worker and beat (honcho runs the three processes of the Procfile)
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_clearview
	$(BIN)/python manage.py ensure_admin
	@echo "Serving http://$(HOST):$(PORT)/ (admin at http://$(HOST):$(PORT)/admin/), with a Celery worker and beat"
	HOST=$(HOST) PORT=$(PORT) SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" $(BIN)/honcho start -f Procfile

## make test: the whole suite on PostgreSQL (DATABASE_URL, default the local server)
test: install
	DATABASE_URL="$${DATABASE_URL:-$(TEST_DATABASE_URL)}" $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

## make bench: the scale benchmark (bench/pages.py, docs/performance.md): the scale-1 demo data
## in its own database (BENCH_DATABASE_URL, default postgres://root@127.0.0.1:5432/bench; reused,
## or generated when it has no cases), served by gunicorn in production mode with 2 workers and
## loaded at concurrency 1 and 8 from a separate process; plus the reminder scan over it. Prints
## a table against the targets, writes bench/results/pages-<date>.json. Options in BENCH_ARGS
## (e.g. BENCH_ARGS="--scale 0.05 --duration 5"). BENCH=reminders runs bench/reminders.py instead
## (the scan and the sender on their own data in BENCH_ALERTS_DATABASE_URL, default bench_alerts,
## which it EMPTIES on each run: never the pages' database). Not part of make test.
.PHONY: bench
BENCH ?= pages
BENCH_ALERTS_DATABASE_URL ?= postgres://root@127.0.0.1:5432/bench_alerts
bench: install
ifeq ($(BENCH),pages)
	$(BIN)/python bench/pages.py $(BENCH_ARGS)
else ifeq ($(BENCH),reminders)
	BENCH_DATABASE_URL="$(BENCH_ALERTS_DATABASE_URL)" $(BIN)/python bench/reminders.py $(BENCH_ARGS)
else
	@echo "BENCH is pages (the default) or reminders" >&2; exit 2
endif
