# Homecoming: two commands for a newcomer.
#   make briefing   run the main job on the bundled data (embedded database in Data/)
#   make test       run the tests
# Both install what the build needs on a fresh Debian machine first.

SWIFT ?= swift
NOW ?=
NOW_FLAG = $(if $(NOW),--now $(NOW),)
APT_PACKAGES = libcairo2-dev fonts-dejavu-core pkg-config zlib1g-dev
# The tests also open the HTML briefing in a real browser.
TEST_APT_PACKAGES = $(APT_PACKAGES) chromium
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: briefing test deps test-deps install build release bench clean

## Install the system packages the build needs, if any is missing.
deps:
	@$(MAKE) --no-print-directory install PACKAGES="$(APT_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install PACKAGES="$(TEST_APT_PACKAGES)"

install:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build

## Release build (see Benchmarks/README.md): the Swift runtime linked in statically halves process
## start-up; a position-dependent executable spares the loader 91,000 relocations (and ~240 page faults).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie

## The main job: the last completed week's briefing (both languages, all formats, charts, index, feed) in Output/.
briefing: build
	$(SWIFT) run --skip-build homecoming weekly $(NOW_FLAG)

test: test-deps
	$(SWIFT) test

## Benchmarks: installs the anchors (matplotlib, gnuplot) when missing.
bench: release
	@python3 -c "import matplotlib" 2>/dev/null || pip install -q matplotlib
	@command -v gnuplot >/dev/null || ($(SUDO) apt-get install -y -qq gnuplot-nox >/dev/null)
	python3 Benchmarks/bench.py

clean:
	rm -rf .build Data/homecoming.sqlite
