# symptomdb — the two commands are `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHECKSUM := $(shell cksum < pyproject.toml | cut -d' ' -f1)
RUN_STAMP := $(VENV)/.installed-run-$(CHECKSUM)
TEST_STAMP := $(VENV)/.installed-test-$(CHECKSUM)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format audit bench screenshots install install-test clean fleet fleet-stop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# uv installs the project's packages into the venv: the same versions pip resolves, in about
# 5 s instead of about 65 s (docs/developers.md, "Dependencies and why each is there").
$(BIN)/uv: | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check uv
UV_INSTALL := $(BIN)/uv pip install --quiet --python $(BIN)/python

# Re-install only when pyproject.toml changes, so a second `make run` starts at once.
$(RUN_STAMP): pyproject.toml | $(BIN)/uv
	$(UV_INSTALL) -e .
	rm -f $(VENV)/.installed-run-*
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/uv
	$(UV_INSTALL) -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(RUN_STAMP) $@

install: $(RUN_STAMP)
install-test: $(TEST_STAMP)

run: install
	$(BIN)/symptomdb setup
	@echo "symptomdb is serving on http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	$(BIN)/gunicorn symptomdb.wsgi:application --config python:symptomdb.gunicorn_conf --bind $(HOST):$(PORT)

# Several app servers on this machine, all on 127.0.0.1: PostgreSQL, Redis, three gunicorn
# app servers and HAProxy in front on http://127.0.0.1:8080/ (docs/operators.md, "Several
# app servers"). State under var/fleet/; `make fleet-stop` stops every process it started.
fleet: install
	bash scripts/ensure_system_packages.sh fleet
	$(BIN)/python scripts/fleet.py start

fleet-stop:
	$(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON)) scripts/fleet.py stop

test: install-test
	bash scripts/ensure_system_packages.sh
	$(BIN)/python scripts/run_tests.py

lint: install-test
	$(BIN)/ruff check symptomdb tests scripts bench
	$(BIN)/ruff format --check symptomdb tests scripts bench
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install-test
	$(BIN)/ruff format symptomdb tests scripts bench
	$(BIN)/ruff check --fix symptomdb tests scripts bench

# Known vulnerabilities in the installed dependencies (optional: it asks PyPI's or OSV's
# vulnerability service over the network, so CI does not run it; see docs/developers.md).
# --strict fails when a package could not be checked, instead of reporting "no known
# vulnerabilities" for packages it never looked up.
audit: install-test
	$(BIN)/pip install --quiet --disable-pip-version-check pip-audit
	$(BIN)/pip-audit --strict --skip-editable --progress-spinner off

screenshots: install-test
	SYMPTOMDB_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/browser -q

bench: install
	$(UV_INSTALL) -e ".[bench]"
	# The crisis screen on the development sets (spent blind sets kept out of the bank; A–Y and
	# AI are in it now, so they would only show what it was fitted on), real consumer
	# questions, and its speed. First measurements stay in bench/results/crisis_blind_*_first.md.
	for set in z aa ab ac ad ae af ag; do $(BIN)/python bench/crisis_screen.py --set bench/data/crisis_blind_$$set.jsonl --name crisis_blind_$$set; done
	$(BIN)/python bench/crisis_consumer.py
	$(BIN)/python bench/crisis_speed.py
	$(BIN)/python bench/liveqa_judgments.py
	$(BIN)/python bench/answering.py
	$(BIN)/python bench/import_speed.py
	$(BIN)/python bench/load.py --medquad ../shared/data/medquad

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
