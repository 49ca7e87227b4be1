# The two commands a newcomer needs: `make demo` and `make test`. Both set up first.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-fast lint bench lock clean

setup: $(STAMP)

# Everything comes from requirements.lock, pinned with hashes; the package itself is
# installed editable without touching the network again.
$(STAMP): requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: setup
	$(BIN)/factiongraph demo

test: setup
	$(BIN)/ruff check factiongraph tests bench
	$(BIN)/ruff format --check factiongraph tests bench
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

bench: setup
	bench/throughput

# Re-pin after changing dependencies in pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) factiongraph-demo.db factiongraph-demo.db-* .pytest_cache
