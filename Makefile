# NutriScreen: conveniences for developers. The README's commands are scripts/screen and
# scripts/test, which need no make; `make test` calls the same script.
SWIFT ?= swift

.PHONY: test screen deps build format sample bench install

## `make screen` is gone: make would turn the program's exit code (75, 130, …) into its own.
screen:
	@echo "make screen is gone: run scripts/screen (its exit code is the program's)" >&2; exit 2

## Install missing system packages, then run every test.
test:
	@SWIFT=$(SWIFT) scripts/test

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

## Build in release mode and install to PREFIX (default ~/.local): see scripts/install.
install:
	@SWIFT=$(SWIFT) scripts/install

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

## Regenerate the committed sample report (in English and in Spanish) and the PNG of the English
## one's first two pages shown in the README.
sample: deps
	@$(SWIFT) build --product nutriscreen >&2
	TZ=UTC SOURCE_DATE_EPOCH=1772359200 ./.build/debug/nutriscreen report --answers Reports/sample-answers.yaml --out Reports/sample-report.pdf --paper a4 --force --no-history --lang en
	TZ=UTC SOURCE_DATE_EPOCH=1772359200 ./.build/debug/nutriscreen report --answers Reports/sample-answers.yaml --out Reports/sample-report.es.pdf --paper a4 --force --no-history --lang es
	TZ=UTC pdftoppm -png -r 60 -f 1 -l 2 Reports/sample-report.pdf Reports/sample-report-page

## Build in release mode (Swift runtime linked statically, as for scripts/screen) and run the benchmark (see BENCHMARKS.md).
bench: deps
	@$(SWIFT) build -c release --static-swift-stdlib >&2
	./.build/release/nutriscreen-bench
