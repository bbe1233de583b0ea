# juesuan: two commands on a fresh clone (Python 3.11 and make are all it needs).
#   make run   - build the warehouse and every disclosure table for the bundled example, export them,
#                publish the workbook, HTML and PDF (output/<department>/<year>/决算公开.*), then
#                audit what was published, read back (output/audit: no finding expected);
#                LEDGER=DIR builds a ledger folder instead (e.g. LEDGER=examples/books, the books)
#   make test  - lint, then every test: dbt (models, identities, published tie-out) and pytest;
#                it never installs system packages (`make system-deps` does, once, as root)
# Every step is a subcommand of `juesuan` (.venv/bin/juesuan; `juesuan --help`).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
JUESUAN := $(BIN)/juesuan
STAMP := $(VENV)/.installed-stamp
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := False
DB ?= warehouse/juesuan.duckdb
# The read-only copy readers and BI tools open (`juesuan share`), and its Parquet files.
PUBLISHED ?= warehouse/published
OUT ?= output
# A ledger folder to build instead of the example seeds (contract files or a finance system's books,
# e.g. `make run LEDGER=examples/books`); empty: $JUESUAN_LEDGER_PATH, else the example seeds.
LEDGER ?=
# Where `make test` builds its throw-away warehouse, log and dbt artifacts.
TEST_DIR ?= target/make-test

.PHONY: setup run build share export publish docs audit system-deps test lint dbt-test pytest rules clean bench bench-ingest bench-books

setup: $(STAMP)

# The package with its pinned dependencies and the developer tools (pyproject.toml: [dev]).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: build share export publish docs audit

build: setup
	$(JUESUAN) build --db $(DB) $(if $(LEDGER),--ledger $(LEDGER)) --fail-fast

# Only after a successful build (make stops on a failed one, and the command checks run_results.json):
# an atomic read-only copy for readers, so a reader never blocks a build nor sees half of one.
share: setup
	$(JUESUAN) share --db $(DB) --out $(PUBLISHED) --run-results target/run_results.json

export: setup
	$(JUESUAN) export --db $(DB) --out $(OUT)

# The documentation site: one offline HTML file (models, columns, tests, lineage from the seeds to
# the exposures), read from the built warehouse.
docs: setup
	$(JUESUAN) docs --db $(DB) --out $(OUT)/docs

# The published document needs a CJK font (charts, PDF), Pango (WeasyPrint) and, for its browser
# test, Chromium: Debian packages, installed only when missing (CI runs as root on Debian 12).
# Only `make run` (for the PDF) and CI call it; `make test` never installs anything, and the
# tests that need these packages fail naming this target.
system-deps:
	@missing=""; \
	{ command -v fc-list >/dev/null && fc-list | grep -qiE 'WenQuanYi Micro Hei|Noto Sans CJK'; } \
		|| missing="$$missing fontconfig fonts-wqy-microhei"; \
	{ /sbin/ldconfig -p 2>/dev/null || ldconfig -p; } | grep -q 'libpangoft2-1.0' || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

publish: setup system-deps
	$(JUESUAN) publish --db $(DB) --out $(OUT)

# What was just published, read back as a reader would (each department's year folder: its
# workbook, HTML page, PDF and per-table CSVs, four documents read by juesuan.audit.read) and
# checked with the whole rule catalogue (`juesuan audit`, docs/audit.md): a generator fault can
# never publish tables or text that contradict each other. Any finding, a warning too, fails
# `make run`. (The shell expands the pattern when the recipe runs, after publish wrote the files.)
audit: setup
	$(JUESUAN) audit $(OUT)/*/[0-9][0-9][0-9][0-9]/ --out $(OUT)/audit --fail-on warn --quiet

test: lint dbt-test pytest

lint: setup
	$(BIN)/ruff check scripts
	$(BIN)/ruff format --check scripts
	$(BIN)/sqlfluff lint models tests macros
	$(JUESUAN) check-yaml
	$(JUESUAN) portable-types

# The whole project, tests, unit tests and fixture proofs included (selectors.yml), on a
# throw-away warehouse, so a test run never touches the analyst's copy. A warning is a failure
# here: dbt's own warn-error options turn every warning (a deprecation, a test that warns, a
# config path that applies to nothing) into an error. (`--warn-error-options`, since the project's
# flags already set warn_error_options, which plain `--warn-error` may not be combined with.)
dbt-test: setup
	$(JUESUAN) build --fresh --db $(TEST_DIR)/test.duckdb --selector everything \
		--target-path $(TEST_DIR)/dbt --log-path $(TEST_DIR)/logs --warn-error-options '{"error": "all"}'

# The publish tests reuse the warehouse dbt-test built (or build their own when it is absent).
# Tests that need Debian packages (Chromium, the CJK font) fail naming `make system-deps`.
pytest: setup
	JUESUAN_TEST_DB=$(TEST_DIR)/test.duckdb $(BIN)/python -m pytest

# Regenerate docs/rules.md, the rule catalogue, from the tests' meta (pytest checks it is current).
rules: setup
	$(JUESUAN) rules --out docs/rules.md

# Province scale (BENCHMARKS.md): generate 1M- and 10M-line ledgers under target/bench, time dbt
# over them and over the example against a hand-written DuckDB script and pandas, check all three
# give the same cells, write BENCHMARKS.md. About half an hour; BENCH_ARGS='--sizes 1m' for less.
bench: setup
	$(JUESUAN) bench $(BENCH_ARGS)

# Reading an office's files: the 1M-line ledger as GB18030 CSV and as xlsx against Parquet.
bench-ingest: setup
	$(JUESUAN) bench-ingest

# The voucher door against the contract door: one ledger of about 10M voucher lines built both ways
# (BENCHMARKS.md); BENCH_ARGS='--voucher-lines 1m' for less.
bench-books: setup
	$(JUESUAN) bench-books $(BENCH_ARGS)

clean:
	rm -rf target logs $(OUT) warehouse/*.duckdb
