# erdviz: the commands the README opens with, and a few for development.
PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: sample test build release golden install deps clean bench bench-ddl

## Build erdviz (release) and draw the sample schema into samples/shop/.
sample: release
	scripts/render-sample .build/release/erdviz

## Run the whole test suite (installs what it needs).
test:
	scripts/test

deps:
	scripts/install-deps build

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Re-record the renderers' golden files; review `git diff` before committing.
golden: deps
	ERDVIZ_RECORD=1 $(SWIFT) test

## Benchmarks: print times and ratios, assert nothing.
bench: bench-ddl

## DDL reading on a generated 5,000-table schema per dialect, against raw pg_query_parse.
bench-ddl:
	scripts/bench-ddl

## Install the binary alone; it needs no file from this tree.
install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/erdviz $(DESTDIR)$(PREFIX)/bin/erdviz

clean:
	rm -rf .build samples/shop.db
