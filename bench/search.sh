#!/usr/bin/env bash
# Search benchmark: builds tessera-bench-search and runs it on a synthetic library of BENCH_ASSETS assets
# (default 1,000,000; generated once into BENCH_LIBRARY and reused while its size matches). Writes bench-out/search.md.
set -euo pipefail
ROOT=$(git rev-parse --show-toplevel)
cd "$ROOT"
ASSETS=${BENCH_ASSETS:-1000000}
LIBRARY=${BENCH_LIBRARY:-${TMPDIR:-/tmp}/tessera-bench-$ASSETS.tessera}
cargo build --release -q -p tessera-bench
"$ROOT/target/release/tessera-bench-search" --assets "$ASSETS" --library "$LIBRARY" --reuse \
  --out "${BENCH_OUT:-$ROOT/bench-out}/search.md" "$@"
