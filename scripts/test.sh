#!/usr/bin/env bash
# Set up a virtual environment with the test extras, then run the linters and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test,docs]"
# The example plug-in, so the tests see flows and guards arrive through entry points.
.venv/bin/python -m pip install --quiet -e examples/vehicle-use-plugin
.venv/bin/ruff check src tests examples benchmarks
.venv/bin/ruff format --check src tests examples benchmarks
.venv/bin/mypy
.venv/bin/integrity-flows flows check
.venv/bin/integrity-flows features check features
# The developer documentation (docs/ and the API reference), warnings as errors.
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet
if [[ -z "${INTEGRITY_FLOWS_TEST_POSTGRES:-}" ]]; then
    # The PostgreSQL tests will be skipped: their store is left out of the coverage gate.
    echo "INTEGRITY_FLOWS_TEST_POSTGRES is not set: the PostgreSQL tests are skipped" \
        "(bash scripts/with-postgres.sh bash scripts/test.sh runs them)"
    export INTEGRITY_FLOWS_COVERAGE_OMIT="*/integrity_flows/stores/postgres.py"
fi
mkdir -p build
.venv/bin/python -m pytest -q --cov --cov-report=term --cucumberjson=build/cucumber.json "$@"
# The living documentation for auditors, with the results of this run (docs/living-documentation.md).
.venv/bin/integrity-flows docs build -o build/docs/living --results build/cucumber.json \
    --developers ../../developers/index.html
