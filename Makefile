# Darkroom: `make run` starts the studio on the built-in sandbox, `make test` runs every test.
SWIFT ?= swift
JOBS ?= 2

.PHONY: run test deps venv build release bench clean install uninstall

# The darkroom binary carries the Swift runtime and Foundation in every build (-static-stdlib in
# Package.swift), so a copy runs where no Swift toolchain is; --static-swift-stdlib does the same
# for the release build's other products (darkroom-bench).
RELEASE = -c release -j $(JOBS) --static-swift-stdlib

# Where `make install` puts darkroom: /usr/local as root, else ~/.local.
PREFIX ?= $(shell [ "$$(id -u)" = 0 ] && echo /usr/local || echo $$HOME/.local)

run: deps release
	./.build/release/darkroom --sandbox

test: deps venv
	$(SWIFT) build --build-tests -j $(JOBS)
	# In parallel: pictures and other blocking work run on the bounded worker (BlockingWork), not
	# on the cooperative pool, so the in-process sandboxes of other tests keep answering; the test
	# phase takes about 77 s on 2 cores (172 s one at a time, 2026-12-07), and it ends with the
	# slowest tests (scripts/run-tests.sh; in parallel a test's time includes its neighbours').
	DARKROOM_SDK_PYTHON=$(CURDIR)/.venv/bin/python SWIFT=$(SWIFT) ./scripts/run-tests.sh
	# The release build make run starts, run from outside the checkout: the optimizer once broke
	# every job while every (debug) test passed.
	$(SWIFT) build $(RELEASE) --product darkroom
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
