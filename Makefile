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

.PHONY: briefing test deps test-deps packages install uninstall build release bench fuzz fuzz-build clean

## Install the system packages the build needs, if any is missing.
deps:
	@$(MAKE) --no-print-directory packages PACKAGES="$(APT_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory packages PACKAGES="$(TEST_APT_PACKAGES)"

packages:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build

## Release build: the Swift runtime linked in statically halves process start-up (Benchmarks/README.md).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

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

## Install: the release binary, a man page generated from the commands, shell completions, and the
## default templates, themes and dataset under PREFIX/share/homecoming (found from the executable,
## so the tool runs from any directory). The list of what was installed is kept beside it, and
## `make uninstall PREFIX=…` removes exactly that.
PREFIX ?= /usr/local
SHARE = $(DESTDIR)$(PREFIX)/share/homecoming
MANIFEST = $(SHARE)/installed-files.txt
MAN_DATE ?= 2026-12-01

install: release
	$(SWIFT) build --product generate-manual
	@set -e; root="$(DESTDIR)$(PREFIX)"; files=""; dirs=""; \
	mk() { [ -d "$$1" ] && return 0; mk "$$(dirname "$$1")"; mkdir "$$1"; dirs="$${1#$$root/} $$dirs"; }; \
	put() { mk "$$(dirname "$$root/$$3")"; install -m "$$1" "$$2" "$$root/$$3"; files="$$files $$3"; }; \
	put 755 .build/release/homecoming bin/homecoming; \
	for f in $$(cd Templates && find . -type f | sort); do put 644 "Templates/$$f" "share/homecoming/Templates/$${f#./}"; done; \
	for f in $$(cd Data && find . -maxdepth 1 -type f ! -name '*.sqlite*' | sort); do put 644 "Data/$$f" "share/homecoming/Data/$${f#./}"; done; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	"$$(find .build -path '*/debug/generate-manual' -type f | head -1)" .build/release/homecoming --date $(MAN_DATE) --output-directory "$$tmp"; \
	put 644 "$$tmp/homecoming.1" share/man/man1/homecoming.1; \
	.build/release/homecoming --generate-completion-script bash > "$$tmp/bash"; put 644 "$$tmp/bash" share/bash-completion/completions/homecoming; \
	.build/release/homecoming --generate-completion-script zsh > "$$tmp/zsh"; put 644 "$$tmp/zsh" share/zsh/site-functions/_homecoming; \
	.build/release/homecoming --generate-completion-script fish > "$$tmp/fish"; put 644 "$$tmp/fish" share/fish/vendor_completions.d/homecoming.fish; \
	{ for f in $$files share/homecoming/installed-files.txt; do echo "file $$f"; done; for d in $$dirs; do echo "dir $$d"; done; } > "$(MANIFEST)"; \
	echo "installed $$(echo $$files | wc -w) files under $$root (listed in $(MANIFEST))"

## Removes the files the manifest lists and the directories the install created (if empty), nothing else.
uninstall:
	@set -e; root="$(DESTDIR)$(PREFIX)"; \
	[ -f "$(MANIFEST)" ] || { echo "nothing to uninstall: $(MANIFEST) is not there"; exit 0; }; \
	list=$$(mktemp); cp "$(MANIFEST)" "$$list"; \
	while read -r kind f; do case "$$kind:$$f" in file:?*) case "$$f" in /*|*..*) ;; *) rm -f "$$root/$$f";; esac;; esac; done < "$$list"; \
	while read -r kind d; do case "$$kind:$$d" in dir:?*) case "$$d" in /*|*..*) ;; *) rmdir "$$root/$$d" 2>/dev/null || true;; esac;; esac; done < "$$list"; \
	rm -f "$$list"; \
	echo "removed what the manifest listed under $$root"
