# NutriScreen: the two commands in the README's Quick start.
SWIFT ?= swift

.PHONY: screen test deps build format

## Install missing system packages, build, and start a screening.
screen: deps
	@$(SWIFT) build -c release --product nutriscreen >&2
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
