# Set-up and everyday commands. `make demo` and `make test` do everything on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_VERSION := 0.13.9
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the test suite needs: a real browser for the journeys and accessibility checks.
TEST_DEBIAN_PACKAGES := chromium fonts-dejavu-core
# And those `make bench` needs: the HTTP load generator and PostgreSQL's client programs (the web
# benchmark also needs a PostgreSQL server on 127.0.0.1:5432, see README.md).
BENCH_DEBIAN_PACKAGES := wrk postgresql-client curl

.PHONY: demo test bench install install-dev assets debian-test-packages debian-bench-packages \
	lint lock messages clean

demo: install assets
	$(BIN)/ordito demo

test: install-dev assets debian-test-packages
	$(BIN)/pytest -n auto

# Every benchmark, figures to benchmarks/results/latest.md (about 10 minutes on 2 cores).
bench: install-dev assets debian-bench-packages
	$(BIN)/python -m benchmarks.run

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(UV)
	$(UV) pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements/base.lock
	$(UV) pip install --quiet --compile-bytecode --python $(BIN)/python --no-deps -e .

install-dev: $(UV)
	$(UV) pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements/dev.lock
	$(UV) pip install --quiet --compile-bytecode --python $(BIN)/python --no-deps -e .

assets: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Install those of the Debian packages $(1) that are missing, through sudo when not root.
define debian_install
	@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

debian-test-packages:
	$(call debian_install,$(TEST_DEBIAN_PACKAGES))

debian-bench-packages:
	$(call debian_install,$(BENCH_DEBIAN_PACKAGES))

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/ordito manage makemigrations --check --dry-run

# Regenerate the lock files after changing pyproject.toml.
lock: $(UV)
	$(UV) pip compile --quiet pyproject.toml -o requirements/base.lock --python-version 3.11
	$(UV) pip compile --quiet pyproject.toml --extra dev -o requirements/dev.lock --python-version 3.11

# Bring the Italian catalogue up to date with the code's strings, then compile it (both files are
# committed). New and changed strings come out empty or fuzzy: translate them before committing.
messages: install
	cd src/ordito && ../../$(BIN)/ordito manage makemessages -l it --no-obsolete
	cd src/ordito && ../../$(BIN)/ordito manage compilemessages -l it

clean:
	rm -rf $(VENV) node_modules var artifacts
