#!/usr/bin/env bash
# Installs what is missing, then runs the whole test suite (unit, build, PDF, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
