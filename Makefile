# erdviz: the commands the README opens with, and a few for development.
PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: fuzz sample test build release golden templates screenshot screenshot-diff install deps clean bench bench-postgres bench-mysql bench-ddl bench-diff bench-render format lint

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

## The release binary links the Swift runtime statically: it runs where no Swift toolchain is.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

## Benchmarks: ratios against the reference tools, measured in the same run.
bench: bench-postgres bench-mysql bench-ddl bench-diff bench-render

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

## erdviz to SVG and HTML on generated 100- to 2,000-table SQLite schemas, pagila and Chinook, against
## `dot -Tsvg` on erdviz's own DOT and the PyPI peers eralchemy, sqlalchemy-schemadisplay and dbml-atlas.
## BENCH_SIZES, BENCH_ROUNDS and BENCH_CAP (seconds a run may take) make a quick run possible.
bench-render:
	scripts/bench-render

## Format every Swift file in place with the checked-in .swift-format (swift-format ships with Swift).
format:
	$(SWIFT) format -i -r --parallel Sources Tests Benchmarks Package.swift

## Check formatting and function lengths without changing anything; `make test` runs it too.
lint:
	$(SWIFT) format lint --strict -r --parallel Sources Tests Benchmarks Package.swift
	scripts/function-lengths

## Fuzz every reader and the escapers with libFuzzer + ASan (FUZZ_SECONDS each, default 600);
## failing inputs land in Tests/Fixtures/fuzz/, where the tests run them again.
FUZZ_SECONDS ?= 600
fuzz:
	scripts/fuzz $(FUZZ_SECONDS)

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

## Install the binary, its man pages and shell completions (bash, zsh, fish); the binary needs no
## file from this tree and no Swift toolchain. DESTDIR and PREFIX as usual.
install: release
	$(SWIFT) build -c release --static-swift-stdlib --product generate-manual
	rm -rf .build/install-extras && mkdir -p .build/install-extras/man
	.build/release/generate-manual .build/release/erdviz --multi-page \
	  --date "$$(git log -1 --format=%cs 2>/dev/null || echo 2026-01-01)" -o .build/install-extras/man
	for shell in bash zsh fish; do \
	  .build/release/erdviz --generate-completion-script $$shell > .build/install-extras/erdviz.$$shell; done
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 .build/release/erdviz $(DESTDIR)$(PREFIX)/bin/erdviz
	install -m 0644 .build/install-extras/man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 0644 .build/install-extras/erdviz.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/erdviz
	install -m 0644 .build/install-extras/erdviz.zsh $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_erdviz
	install -m 0644 .build/install-extras/erdviz.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/erdviz.fish

clean:
	rm -rf .build samples/shop.db
