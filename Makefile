# juesuan: two commands on a fresh clone (Python 3.11 and make are all it needs).
#   make run   - build the warehouse and every disclosure table for the bundled example, export them,
#                publish the workbook, HTML and PDF (output/<department>/<year>/决算公开.*)
#   make test  - lint, then every test: dbt (models, identities, published tie-out) and pytest
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := False
DB ?= warehouse/juesuan.duckdb
# The read-only copy readers and BI tools open (juesuan.publish_copy), and its Parquet files.
PUBLISHED ?= warehouse/published
OUT ?= output
# Where `make test` builds its throw-away warehouse, log and dbt artifacts.
TEST_DIR ?= target/make-test

.PHONY: setup run build publish-copy export publish docs system-deps test lint dbt-test pytest rules clean bench

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt -e .
	touch $(STAMP)

run: build publish-copy export publish docs

build: setup
	JUESUAN_DUCKDB=$(DB) $(BIN)/dbt build --fail-fast

# Only after a successful build (make stops on a failed one, and the CLI checks run_results.json):
# an atomic read-only copy for readers, so a reader never blocks a build nor sees half of one.
publish-copy: setup
	$(BIN)/python -m juesuan.publish_copy --db $(DB) --out $(PUBLISHED) --run-results target/run_results.json

export: setup
	$(BIN)/python -m juesuan.export --db $(DB) --out $(OUT)

# The documentation site: one offline HTML file (models, columns, tests, lineage from the seeds to
# the exposures), read from the built warehouse.
docs: setup
	JUESUAN_DUCKDB=$(DB) $(BIN)/dbt docs generate --static --target-path target/docs
	mkdir -p $(OUT)/docs && cp target/docs/static_index.html $(OUT)/docs/juesuan-docs.html

# The published document needs a CJK font (charts, PDF), Pango (WeasyPrint) and, for its browser
# test, Chromium: Debian packages, installed only when missing (CI runs as root on Debian 12).
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
	$(BIN)/python -m juesuan.publish --db $(DB) --out $(OUT)

test: lint dbt-test pytest

lint: setup
	$(BIN)/ruff check scripts
	$(BIN)/ruff format --check scripts
	$(BIN)/sqlfluff lint models tests macros
	$(BIN)/python -m juesuan.yaml_check

# The whole project, tests, unit tests and fixture proofs included (selectors.yml), on a throw-away warehouse, so a test run never touches
# the analyst's copy.
# A warning is a failure here: no [WARNING] line, and the summary must say WARN=0.
dbt-test: setup
	mkdir -p $(TEST_DIR) && rm -f $(TEST_DIR)/test.duckdb
	set -o pipefail; JUESUAN_DUCKDB=$(TEST_DIR)/test.duckdb $(BIN)/dbt build --selector everything \
		--target-path $(TEST_DIR)/dbt --log-path $(TEST_DIR)/logs | tee $(TEST_DIR)/dbt-build.log
	grep -q ' WARN=0 ' $(TEST_DIR)/dbt-build.log && ! grep -q 'WARNING' $(TEST_DIR)/dbt-build.log \
		|| { echo 'dbt build printed warnings (see above)'; exit 1; }

# The publish tests reuse the warehouse dbt-test built (or build their own when it is absent).
pytest: setup system-deps
	JUESUAN_TEST_DB=$(TEST_DIR)/test.duckdb $(BIN)/python -m pytest

# Regenerate docs/rules.md, the rule catalogue, from the tests' meta (pytest checks it is current).
rules: setup
	$(BIN)/dbt parse --quiet --target-path $(TEST_DIR)/parse
	$(BIN)/python -m juesuan.rules $(TEST_DIR)/parse/manifest.json --out docs/rules.md

# Province scale (BENCHMARKS.md): generate 1M- and 10M-line ledgers under target/bench, time dbt
# over them and over the example against a hand-written DuckDB script and pandas, check all three
# give the same cells, write BENCHMARKS.md. About half an hour; BENCH_ARGS='--sizes 1m' for less.
bench: setup
	$(BIN)/python -m juesuan.bench $(BENCH_ARGS)

clean:
	rm -rf target logs $(OUT) warehouse/*.duckdb
