# Darkroom: `make run` starts the studio on the built-in sandbox, `make test` runs every test.
SWIFT ?= swift
JOBS ?= 2

.PHONY: run test deps venv build release bench clean install uninstall

# One build for everything: release with testing enabled. Every test runs against the optimizer
# (which once broke every job while every debug test passed), the release smoke test runs the very
# binary the tests ran, and make run, make install and make bench use it too. The darkroom binary
# carries the Swift runtime and Foundation (-static-stdlib in Package.swift), so a copy runs where
# no Swift toolchain is.
RELEASE = -c release -j $(JOBS) -Xswiftc -enable-testing

# Where `make install` puts darkroom: /usr/local as root, else ~/.local.
PREFIX ?= $(shell [ "$$(id -u)" = 0 ] && echo /usr/local || echo $$HOME/.local)

run: deps release
	./.build/release/darkroom --sandbox

test: deps venv
	$(SWIFT) build $(RELEASE) --build-tests
	# In parallel: pictures and other blocking work run on the bounded worker (BlockingWork), not
	# on the cooperative pool, so the in-process sandboxes of other tests keep answering; the test
	# phase takes about 40 s on 2 cores (2026-12-07), and it ends with the slowest tests
	# (scripts/run-tests.sh; in parallel a test's time includes its neighbours').
	DARKROOM_SDK_PYTHON=$(CURDIR)/.venv/bin/python SWIFT=$(SWIFT) ./scripts/run-tests.sh -c release
	# The binary the tests ran, installed and run from outside the checkout, the toolchain hidden.
	./scripts/release-smoke.sh .build/release/darkroom

deps:
	@./scripts/install-deps.sh

venv: deps
	@./scripts/setup-sdk-venv.sh

build: deps
	$(SWIFT) build -j $(JOBS)

release: deps
	$(SWIFT) build $(RELEASE) --product darkroom

bench: deps venv
	$(SWIFT) build $(RELEASE)
	DARKROOM_SDK_PYTHON=$(CURDIR)/.venv/bin/python ./.build/release/darkroom-bench

clean:
	rm -rf .build .venv

# The release binary, shell completions (bash, zsh, fish: from swift-argument-parser) and a man
# page (help2man over --help and --version).
install: release
	./scripts/install.sh "$(PREFIX)" .build/release/darkroom

uninstall:
	./scripts/install.sh --uninstall "$(PREFIX)"
