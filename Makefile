# Tessera. The two commands: `make run` (launch on the default library) and `make test` (install what tests need and
# run every test). Both install their prerequisites idempotently on Debian (as root, or with sudo).

SHELL := /bin/bash
CARGO ?= cargo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD := build-essential pkg-config cmake nasm
APT_TEST := libvips-tools
STAMP := target/.stamps

.PHONY: run test deps test-deps build lint fmt test-rust bench clean

$(STAMP):
	@mkdir -p $(STAMP)

# Debian packages the build needs: cmake and nasm build the bundled libjpeg-turbo 3 (Debian ships 2.1).
deps: | $(STAMP)
	@missing=$$(for p in $(APT_BUILD); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test-deps: deps
	@missing=$$(for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy rustfmt

build: deps
	$(CARGO) build --release -p tessera-cli

# Until the desktop shell lands, `make run` opens the default library with the CLI and shows its figures.
run: build
	./target/release/tessera stats

lint: test-deps
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test-rust: test-deps
	$(CARGO) test --workspace

test: lint test-rust

bench: build
	bash bench/run.sh

clean:
	$(CARGO) clean
