#!/usr/bin/env bash
# `make bench`: the ingest benchmark (bench/ingest.sh) then the search benchmark (crates/tessera-bench), then
# bench/fill_tables.py puts their reports into bench/README.md and README.md's summary (between the bench markers).
# BENCH_ASSETS (default 1000000) sets the synthetic library's size; it is kept in BENCH_LIBRARY and reused.
# Then tessera-bench-review (the review queue, audit verify, the permission check).
# BENCH_ONLY=ingest|edits|search|review runs one of them (and fills only its tables). Reports land in bench-out/
# (git-ignored).
set -euo pipefail
ROOT=$(git rev-parse --show-toplevel)
cd "$ROOT"
ONLY=${BENCH_ONLY:-all}
case "$ONLY" in
  all | ingest | edits | search | review) ;;
  *) echo "BENCH_ONLY=$ONLY: not one of ingest, edits, search, review (unset: all)" >&2; exit 2 ;;
esac
OUT=${BENCH_OUT:-$ROOT/bench-out}
mkdir -p "$OUT"
# Each part's tables are filled right after it runs, so their stamps carry the load of their own run (the machine
# is shared: bench-out/PART.load is `uptime` at the start).
if [ "$ONLY" = all ] || [ "$ONLY" = ingest ]; then
  uptime | tee "$OUT/ingest.load" >&2
  bash bench/ingest.sh
  python3 bench/fill_tables.py ingest
fi
if [ "$ONLY" = all ] || [ "$ONLY" = edits ]; then
  uptime | tee "$OUT/edits.load" >&2
  cargo build --release -p tessera-bench --bin tessera-bench-edits
  "$ROOT/target/release/tessera-bench-edits" --tessera "$ROOT/target/release/tessera" \
    --corpus "${TESSERA_CORPUS:-$HOME/.cache/tessera-corpus}/photos/jpeg" --out "$OUT/edits.md"
  python3 bench/fill_tables.py edits
fi
if [ "$ONLY" = all ] || [ "$ONLY" = search ]; then
  uptime | tee "$OUT/search.load" >&2
  bash bench/search.sh
  python3 bench/fill_tables.py search
fi
if [ "$ONLY" = all ] || [ "$ONLY" = review ]; then
  uptime | tee "$OUT/review.load" >&2
  cargo build --release -q -p tessera-bench --bin tessera-bench-review
  "${CARGO_TARGET_DIR:-$ROOT/target}/release/tessera-bench-review" --out "$OUT/review.md"
  python3 bench/fill_tables.py review
fi
