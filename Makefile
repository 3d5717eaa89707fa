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
	HOST=$(HOST) PORT=$(PORT) $(BIN)/honcho start -f Procfile

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

## make bench: time the reminder scan (100,000 open deadlines, 10,000 subscriptions, and a tenth
## of that) and the sender, in their own database (BENCH_DATABASE_URL, default
## postgres://root@127.0.0.1:5432/bench_alerts, emptied on each run); writes
## bench/results/reminders-<date>.json. Not part of make test.
.PHONY: bench
bench: install
	$(BIN)/python bench/reminders.py $(BENCH_ARGS)
