# Mend: `make run` serves it, `make test` tests it. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2

.PHONY: run test lint format check install demo clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pins or the package metadata change.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/mend migrate --noinput
	$(BIN)/mend collectstatic --noinput --verbosity 0
	@echo "Mend is at http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/gunicorn mend.wsgi --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile -

demo: install
	$(BIN)/mend migrate --noinput
	$(BIN)/mend demo

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# What CI runs besides the tests: lint, migrations in step with models.
check: install lint
	$(BIN)/mend makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles
