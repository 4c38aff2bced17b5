# erdviz: the commands the README opens with, and a few for development.
PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: sample test build release golden templates screenshot screenshot-diff install deps clean bench bench-postgres bench-mysql bench-ddl bench-diff format lint

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

## Benchmarks: ratios against the reference tools, measured in the same run.
bench: bench-postgres bench-mysql bench-ddl bench-diff

bench-postgres:
	scripts/bench-postgres

## erdviz against mysqldump --no-data on generated 1,000- and 5,000-table MariaDB databases.
bench-mysql:
	scripts/bench-mysql

## DDL reading on a generated 5,000-table schema per dialect, against raw pg_query_parse.
bench-ddl:
	scripts/bench-ddl

## erdviz diff on a generated 2,000-table schema against a copy with 5 % of its tables changed,
## against reading the two schemas alone (two erdviz inspect -f json runs).
bench-diff:
	scripts/bench-diff

## Format every Swift file in place with the checked-in .swift-format (swift-format ships with Swift).
format:
	$(SWIFT) format -i -r --parallel Sources Tests Benchmarks Package.swift

## Check formatting and function lengths without changing anything; `make test` runs it too.
lint:
	$(SWIFT) format lint --strict -r --parallel Sources Tests Benchmarks Package.swift
	scripts/function-lengths

## Re-record the renderers' golden files; review `git diff` before committing.
golden: deps
	ERDVIZ_RECORD=1 $(SWIFT) test

## Re-embed templates/ into Sources/ERDRender/Generated/Templates.swift (a test fails when stale).
templates:
	scripts/embed-templates

## Refresh docs/shop-html.png (the README's screenshot of the sample page) from the browser tests.
screenshot:
	scripts/install-deps test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter samplePageScreenshot
	mkdir -p docs && cp .build/artifacts/shop-html.png docs/shop-html.png

## Refresh docs/diff-comment.png (the README's picture of an `erdviz diff` pull-request comment).
screenshot-diff:
	scripts/install-deps test
	$(SWIFT) build --build-tests
	ERDVIZ_PYTHON="$$PWD/.build/pyvenv/bin/python" $(SWIFT) test --skip-build --filter diffCommentScreenshot
	mkdir -p docs && cp .build/artifacts/diff-comment.png docs/diff-comment.png

## Install the binary alone; it needs no file from this tree.
install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/erdviz $(DESTDIR)$(PREFIX)/bin/erdviz

clean:
	rm -rf .build samples/shop.db
