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

.PHONY: briefing test deps test-deps install build release bench fuzz fuzz-build clean

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

## Fuzzing: libFuzzer (with AddressSanitizer) over the CSV and JSON readers, the row validators and
## the template checker, FUZZ_SECONDS each (600 by default; CI runs a short pass). New inputs go to
## .build-fuzz/corpus; the committed seeds in Fuzz/corpus are read, never written. A crash, a hang
## (FUZZ_TIMEOUT s for one input) or a leak stops the run with the input saved as .build-fuzz/crash-*.
FUZZ_TARGETS = FuzzCSV:csv FuzzJSON:json FuzzValidator:validator FuzzTemplates:templates
FUZZ_SECONDS ?= 600
FUZZ_TIMEOUT ?= 10
FUZZ_FLAGS = -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld

fuzz-build: deps
	for t in $(FUZZ_TARGETS); do HOMECOMING_FUZZ=1 $(SWIFT) build $(FUZZ_FLAGS) --product $${t%%:*} || exit 1; done

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		name=$${t%%:*}; seeds=$${t##*:}; mkdir -p .build-fuzz/corpus/$$seeds; \
		echo "fuzz $$name for $(FUZZ_SECONDS) s"; \
		.build-fuzz/release/$$name -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=4096 \
			-artifact_prefix=.build-fuzz/crash-$$name- -print_final_stats=1 .build-fuzz/corpus/$$seeds Fuzz/corpus/$$seeds \
			2> .build-fuzz/$$name.log || { tail -40 .build-fuzz/$$name.log; exit 1; }; \
		grep -E "stat::number_of_executed_units|stat::peak_rss_mb" .build-fuzz/$$name.log; \
	done

clean:
	rm -rf .build Data/homecoming.sqlite
