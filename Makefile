# Tessera. The two commands: `make run` (launch the app on the default library) and `make test` (install what tests
# need and run every test). Both install their prerequisites idempotently on Debian (as root, or with sudo).

SHELL := /bin/bash
CARGO ?= cargo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# cmake + nasm build the bundled libjpeg-turbo 3 (Debian ships 2.1); the rest is what Tauri 2 needs on Linux.
APT_BUILD := build-essential pkg-config cmake nasm curl file libssl-dev libwebkit2gtk-4.1-dev \
             libayatana-appindicator3-dev librsvg2-dev libxdo-dev
APT_TEST := libvips-tools xvfb xauth webkit2gtk-driver imagemagick python3-pip libimage-exiftool-perl
PY_TEST := selenium==4.* pytest==8.*
APP := target/debug/tessera-desktop
CLI := target/debug/tessera
ARTIFACTS := $(CURDIR)/test-artifacts

.PHONY: run test deps test-deps ui app cli lint test-rust test-ui e2e bench bench-app clean

define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call apt_install,$(APT_BUILD))
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }

node_modules/.package-lock.json: package-lock.json | deps
	npm ci --no-audit --no-fund

ui: node_modules/.package-lock.json
	npm run build

# The shell with the UI embedded (what `tauri build` does, without bundling installers).
app: ui
	$(CARGO) build -p tessera-desktop --features custom-protocol

cli: deps
	$(CARGO) build -p tessera-cli

run: app
	./$(APP)

test-deps: deps
	$(call apt_install,$(APT_TEST))
	@python3 -c 'import selenium, pytest' 2>/dev/null || python3 -m pip install -q $(PY_TEST) || python3 -m pip install -q --break-system-packages $(PY_TEST)
	@command -v tauri-driver >/dev/null || $(CARGO) install tauri-driver --version '^2.1' --locked
	@rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy rustfmt

lint: test-deps ui
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --features tessera-desktop/custom-protocol -- -D warnings
	python3 bench/fill_tables.py --check

# Tests that need root (a tmpfs for the full-disk test) are #[ignore]d; as root they run too.
test-rust: test-deps
	$(CARGO) test --workspace --exclude tessera-desktop $(if $(SUDO),,-- --include-ignored)

test-ui: node_modules/.package-lock.json
	npm run check
	npm test

e2e: test-deps app cli
	@mkdir -p $(ARTIFACTS)/e2e
	@echo "e2e screenshots: $(ARTIFACTS)/e2e"
	TESSERA_APP=$(CURDIR)/$(APP) TESSERA_CLI=$(CURDIR)/$(CLI) E2E_ARTIFACTS=$(ARTIFACTS)/e2e \
	  xvfb-run -a -s "-screen 0 1600x1000x24" python3 -m pytest tests/e2e -v -p no:cacheprovider

test: lint test-rust test-ui e2e

bench: deps
	$(CARGO) build --release -p tessera-cli
	bash bench/run.sh

# The desktop app (a release build, as users run it) on a generated library of ASSETS assets: launch to first
# thumbnails, memory after scrolling, search, the sidebar's counts. `make bench-app ASSETS=100000` for a smaller one.
ASSETS ?= 1000000
bench-app: test-deps ui
	$(CARGO) build --release -p tessera-desktop --features custom-protocol
	$(CARGO) build --release -p tessera-bench
	TESSERA_APP=$(CURDIR)/target/release/tessera-desktop \
	  xvfb-run -a -s "-screen 0 1600x1000x24" python3 tests/e2e/bench_app.py --assets $(ASSETS)
	python3 bench/fill_tables.py app

clean:
	$(CARGO) clean
	rm -rf dist node_modules $(ARTIFACTS)
