#!/usr/bin/env bash
# Builds the public site (with its PDFs) into site/. Set FAZHI_PDF=0 to skip the PDFs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# Repeatable builds: dates in the sitemap and PDFs come from the last commit, not the clock.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 1700000000)
export SOURCE_DATE_EPOCH
.venv/bin/mkdocs build --strict "$@"
