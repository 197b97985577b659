# Darkroom: `make run` starts the studio on the built-in sandbox, `make test` runs every test.
SWIFT ?= swift
JOBS ?= 2

.PHONY: run test deps venv build release bench clean

run: deps release
	./.build/release/darkroom --sandbox

test: deps venv
	$(SWIFT) build --build-tests -j $(JOBS)
	DARKROOM_SDK_PYTHON=$(CURDIR)/.venv/bin/python $(SWIFT) test --skip-build

deps:
	@./scripts/install-deps.sh

venv: deps
	@./scripts/setup-sdk-venv.sh

build: deps
	$(SWIFT) build -j $(JOBS)

release: deps
	$(SWIFT) build -c release -j $(JOBS) --product darkroom

bench: deps venv
	$(SWIFT) build -c release -j $(JOBS)
	DARKROOM_SDK_PYTHON=$(CURDIR)/.venv/bin/python ./.build/release/darkroom-bench

clean:
	rm -rf .build .venv
