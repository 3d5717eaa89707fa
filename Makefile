# Two commands on a fresh clone:  make run  (serve the app)  and  make test  (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://root@127.0.0.1:5432/test

.PHONY: install run test lint format check clean backup restore

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
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

## make backup: pg_dump of the PostgreSQL database in DATABASE_URL, in pg_dump's custom format,
## to BACKUP_FILE (default var/backups/tracker-<UTC time>.dump). Prints the file's name.
## make restore BACKUP_FILE=...: pg_restore of such a file into DATABASE_URL (an empty database,
## or one whose tables it replaces), in one transaction: on any error nothing is changed.
BACKUP_DIR ?= var/backups
backup:
	@case "$${DATABASE_URL:-}" in postgres://*|postgresql://*) ;; \
	  *) echo "make backup: set DATABASE_URL=postgres://USER@HOST:5432/NAME (the database to back up)" >&2; exit 2;; esac
	@file="$${BACKUP_FILE:-$(BACKUP_DIR)/tracker-$$(date -u +%Y%m%dT%H%M%SZ).dump}"; \
	  mkdir -p "$$(dirname "$$file")" && \
	  pg_dump --format=custom --no-owner --no-privileges --file="$$file.partial" "$$DATABASE_URL" && \
	  mv "$$file.partial" "$$file" && echo "Backed up to $$file"

restore:
	@case "$${DATABASE_URL:-}" in postgres://*|postgresql://*) ;; \
	  *) echo "make restore: set DATABASE_URL=postgres://USER@HOST:5432/NAME (the database to restore into)" >&2; exit 2;; esac
	@test -f "$(BACKUP_FILE)" || { echo "make restore: set BACKUP_FILE to a file written by make backup (got '$(BACKUP_FILE)')" >&2; exit 2; }
	pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
	  --dbname="$$DATABASE_URL" "$(BACKUP_FILE)"
	@echo "Restored $(BACKUP_FILE)"

## make bench: the scale benchmark (bench/pages.py, docs/performance.md): the scale-1 demo data
## in its own database (BENCH_DATABASE_URL, default postgres://root@127.0.0.1:5432/bench; reused,
## or generated when it has no cases), served by gunicorn in production mode with 2 workers and
## loaded at concurrency 1 and 8 from a separate process, then every main page in turn at
## concurrency 16 for 60 s; plus the reminder scan over it. Prints
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
