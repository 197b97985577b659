# Darkroom: `make run` starts the studio on the built-in sandbox, `make test` runs every test.
SWIFT ?= swift
JOBS ?= 2

.PHONY: run test deps venv build release bench clean install uninstall

# Release builds carry the Swift runtime and Foundation inside the binary, so the installed copy
# runs where no Swift toolchain is (and starts faster: fewer libraries to load).
RELEASE = -c release -j $(JOBS) --static-swift-stdlib

# Where `make install` puts darkroom: /usr/local as root, else ~/.local.
PREFIX ?= $(shell [ "$$(id -u)" = 0 ] && echo /usr/local || echo $$HOME/.local)

run: deps release
	./.build/release/darkroom --sandbox

test: deps venv
	$(SWIFT) build --build-tests -j $(JOBS)
	# One test at a time: in parallel, the CPU-heavy tests (debug-built pictures, child processes)
	# kept the in-process sandboxes of others from a pool thread for over 15 s on two cores, and
	# their timeouts fired. Serial, the test phase takes about 2.7 minutes on 2 cores (160 s,
	# 2026-12-07), and make test from a fresh clone about 12.5 (both builds included); it ends
	# with the slowest tests (scripts/run-tests.sh).
	DARKROOM_SDK_PYTHON=$(CURDIR)/.venv/bin/python SWIFT=$(SWIFT) ./scripts/run-tests.sh --no-parallel
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
