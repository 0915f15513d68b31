# NutriScreen: the two commands in the README's Quick start.
SWIFT ?= swift

.PHONY: screen test deps build format sample bench

## Install missing system packages, build, and start a screening.
screen: deps
	@$(SWIFT) build -c release --static-swift-stdlib --product nutriscreen >&2
	@./.build/release/nutriscreen $(ARGS)

## Install missing system packages, then run every test.
test: deps
	$(SWIFT) test

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

## Regenerate the committed sample report and the PNG of its first page shown in the README.
sample: deps
	@$(SWIFT) build --product nutriscreen >&2
	SOURCE_DATE_EPOCH=1772359200 ./.build/debug/nutriscreen report --answers Reports/sample-answers.yaml --out Reports/sample-report.pdf --paper a4 --force
	pdftoppm -png -r 60 -f 1 -l 1 -singlefile Reports/sample-report.pdf Reports/sample-report-page1

## Build in release mode (Swift runtime linked statically, as for `make screen`) and run the benchmark (see BENCHMARKS.md).
bench: deps
	@$(SWIFT) build -c release --static-swift-stdlib >&2
	./.build/release/nutriscreen-bench
