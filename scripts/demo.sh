#!/usr/bin/env bash
# Set up a virtual environment and replay the asset lending procedure on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
.venv/bin/integrity-flows demo "$@"
