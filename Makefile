# newsweave: `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= newsweave.db
OUT    ?= out

.PHONY: demo test lint typecheck browser bench bench-annotation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamps re-install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/newsweave run examples/ --db $(DB) --out $(OUT) --show

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

# Debian's headless Chromium for the browser tests; installed when we may (root with
# apt-get), otherwise those tests skip with a reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not installed and no root: browser tests will skip"; fi; }

# pytest exits 5 when it collected nothing: that is a failure here, like any non-zero.
test: lint typecheck browser
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py

# Annotation time and peak memory from 10 KB to 2 MB of text (a few minutes).
bench-annotation: $(VENV)/.installed-test
	$(BIN)/python benchmarks/annotation_scaling.py

clean:
	rm -rf $(OUT) $(DB) $(DB)-wal $(DB)-shm $(DB).lock .pytest_cache .mypy_cache .ruff_cache
