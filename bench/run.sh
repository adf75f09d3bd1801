#!/usr/bin/env bash
# `make bench`: the ingest benchmark (bench/ingest.sh) then the search benchmark (crates/tessera-bench).
# BENCH_ASSETS (default 1000000) sets the synthetic library's size; it is kept in BENCH_LIBRARY and reused.
# BENCH_ONLY=ingest|search runs one of them. Reports land in bench-out/ (git-ignored).
set -euo pipefail
ROOT=$(git rev-parse --show-toplevel)
cd "$ROOT"
ONLY=${BENCH_ONLY:-all}
if [ "$ONLY" != search ]; then
  bash bench/ingest.sh
fi
if [ "$ONLY" != ingest ]; then
  bash bench/search.sh
fi
