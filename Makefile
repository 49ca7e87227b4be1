# The two commands a newcomer needs: `make demo` and `make test`. Both set up first.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The web UI: npm packages pinned by web/package-lock.json, built into factiongraph/web/static.
WEB_MODULES := web/node_modules/.installed
WEB_BUILT := factiongraph/web/static/index.html
WEB_SOURCES := web/build.mjs web/package.json $(shell find web/src -type f)

.PHONY: setup demo test test-fast audit lint bench lock clean browser

setup: $(STAMP) $(WEB_BUILT)

# Everything comes from requirements.lock, pinned with hashes; the package itself is
# installed editable without touching the network again.
$(STAMP): requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(WEB_MODULES): web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $(WEB_MODULES)

$(WEB_BUILT): $(WEB_MODULES) $(WEB_SOURCES)
	cd web && npm run build

# The browser tests drive Debian's chromium (no browser downloads here); we run as root.
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y --no-install-recommends chromium)

demo: setup
	$(BIN)/factiongraph demo

# The audits first, so that pytest's summary is the run's last line.
test: setup browser
	$(BIN)/ruff check factiongraph tests bench tools
	$(BIN)/ruff format --check factiongraph tests bench tools
	$(BIN)/python tools/audit.py
	$(BIN)/python -m pytest

# Known vulnerabilities in requirements.lock (pip-audit) and web/package-lock.json (npm audit); a finding fails
# unless docs/audit-exceptions.md justifies it. FACTIONGRAPH_AUDIT_STRICT=1 also fails when a registry serves
# no advisories.
audit: setup
	$(BIN)/python tools/audit.py

# Without the English model (--no-model hides it): a test that needs it is marked slow.
test-fast: setup
	$(BIN)/python -m pytest -m "not slow" --no-model

bench: setup
	bench/throughput
	bench/api
	bench/startup

# Re-pin after changing dependencies in pyproject.toml (needs uv: .venv/bin/pip install uv, or uv on PATH).
lock:
	$(shell command -v uv || echo $(BIN)/uv) pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) web/node_modules factiongraph/web/static factiongraph-demo.db factiongraph-demo.db-* .pytest_cache
