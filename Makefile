# The portal's commands. `make run` sets everything up and serves the portal with
# demo data; `make test` sets up and runs the whole suite on PostgreSQL.

PYTHON ?= $(shell command -v python3.12 || command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PO := $(wildcard locale/*/LC_MESSAGES/django.po)
MO := $(PO:.po=.mo)
RUN_ENV := DEBUG=true

.PHONY: setup run test check messages demo clean bench

setup: $(VENV)/.installed node_modules/.installed $(MO)

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: install GNU gettext (apt-get install gettext)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
		|| { echo "Python 3.12 or newer is needed (found $$($(BIN)/python --version)); remove .venv and set PYTHON"; exit 1; }
	$(BIN)/python -m pip install --disable-pip-version-check --quiet -r requirements-dev.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

%.mo: %.po
	msgfmt --check -o $@ $<

run: setup
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput -v 0
	$(RUN_ENV) $(BIN)/python manage.py load_demo --staff
# A worker for background tasks (bulk machine translation) beside the server,
# stopped when the server stops; it waits out a restart of the database.
	$(RUN_ENV) $(BIN)/python manage.py task_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: setup
	$(BIN)/pytest

check: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint --lint templates
	$(RUN_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
# The import contract: no layer imports one above it (README, Layout); no database.
	$(BIN)/pytest -q tests/test_layers.py -p no:django -p no:cacheprovider --noconftest -W ignore::pytest.PytestConfigWarning
	@for po in $(PO); do \
		stats=$$(msgfmt --check --statistics -o /dev/null $$po 2>&1) || { echo "$$po: $$stats"; exit 1; }; \
		case "$$stats" in *fuzzy*|*untranslated*) echo "$$po: $$stats"; exit 1;; esac; \
	done; echo "catalogues: all translated"

# Extract new interface strings into every catalogue (then translate them).
messages: setup
	$(RUN_ENV) $(BIN)/python manage.py makemessages --all --no-obsolete --ignore=node_modules --ignore=.venv --ignore=staticfiles

# Offer and directory pages under load, without and with the page cache (100,000 offers
# in PostgreSQL, gunicorn, Redis, wrk); see bench/README.md.
# BENCH_ARGS=--fresh re-creates the portal_bench database.
bench: setup
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles $(MO)
