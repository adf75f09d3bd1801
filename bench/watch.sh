#!/usr/bin/env bash
# Watched-folder benchmark: (1) time from the last of N (1,000) files landing in a watched folder to all of them being
# searchable, against a plain `tessera ingest` of the same files (goal: within 1.2x); (2) idle CPU of `tessera watch
# run` over QUIET (10,000) already-ingested files for IDLE_SECONDS (30), from /proc/PID/stat (goal: ~0).
#
#   bash bench/watch.sh           (after `cargo build --release -p tessera-cli`)
#
# Files: one JPEG drawn by ImageMagick (`convert plasma:`), made unique per copy by bytes after its end marker
# (decoders ignore them; the content hash differs), so every file is really decoded and thumbnailed.
# Environment: TESSERA (default target/release/tessera), N, QUIET, IDLE_SECONDS, SETTLE_MS (space-separated list,
# default "2000 500"), BENCH_OUT (default bench-out). Writes BENCH_OUT/watch.md and fills its tables
# (bench/fill_tables.py).
set -euo pipefail
ROOT=$(git rev-parse --show-toplevel)
cd "$ROOT"
TESSERA=${TESSERA:-$ROOT/target/release/tessera}
N=${N:-1000}
QUIET=${QUIET:-10000}
IDLE_SECONDS=${IDLE_SECONDS:-30}
SETTLE_MS=${SETTLE_MS:-2000 500}
OUT=${BENCH_OUT:-$ROOT/bench-out}
WORK=$(mktemp -d /tmp/tessera-watch-bench.XXXXXX)
WATCHER=""
cleanup() { [ -n "$WATCHER" ] && kill "$WATCHER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
[ -x "$TESSERA" ] || { echo "no $TESSERA: run cargo build --release -p tessera-cli first" >&2; exit 1; }
command -v convert >/dev/null || { echo "needs ImageMagick's convert" >&2; exit 1; }
command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }

now() { date +%s.%N; }
assets() { "$TESSERA" --library "$1" --json stats | jq .assets; }
# make_files DIR COUNT WIDTHxHEIGHT PREFIX
make_files() {
  mkdir -p "$1"
  convert -size "$3" -seed 7 plasma:fractal -quality 90 "$WORK/base-$3.jpg"
  for i in $(seq -w 1 "$2"); do
    { cat "$WORK/base-$3.jpg"; printf 'tessera-bench-%s-%s' "$4" "$i"; } > "$1/$4-$i.jpg"
  done
}
wait_status() { # LIBRARY STATUS
  for _ in $(seq 1 600); do
    [ "$("$TESSERA" --library "$1" --json watch ls | jq -r '.[0].status')" = "$2" ] && return 0
    sleep 0.1
  done
  echo "watcher never reached $2" >&2; return 1
}

echo "making $N files" >&2
make_files "$WORK/src" "$N" 1600x1067 f
cat "$WORK"/src/* > /dev/null

echo "plain ingest" >&2
"$TESSERA" init "$WORK/plain.tessera" >/dev/null
t0=$(now)
"$TESSERA" --library "$WORK/plain.tessera" --json ingest "$WORK/src" > "$WORK/plain.json"
plain=$(echo "$(now) - $t0" | bc -l)
[ "$(assets "$WORK/plain.tessera")" = "$N" ] || { echo "plain ingest did not take all files" >&2; exit 1; }

rows=""
for settle in $SETTLE_MS; do
  echo "watched folder, settle $settle ms" >&2
  lib="$WORK/watch-$settle.tessera"; drop="$WORK/drop-$settle"
  "$TESSERA" init "$lib" >/dev/null; mkdir -p "$drop"
  "$TESSERA" --library "$lib" watch add "$drop" >/dev/null
  "$TESSERA" --library "$lib" watch run --settle-ms "$settle" 2>"$WORK/watch-$settle.log" & WATCHER=$!
  wait_status "$lib" watching
  cat "$WORK"/src/* > /dev/null
  first=$(now)
  cp "$WORK"/src/* "$drop"/
  last=$(now)
  # One light poller (a read-only COUNT every 50 ms), not a `tessera stats` process per poll competing for the cores.
  python3 -c 'import sqlite3, sys, time
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
while db.execute("SELECT count(*) FROM assets").fetchone()[0] < int(sys.argv[2]):
    time.sleep(0.05)' "$lib/library.db" "$N"
  done_at=$(now)
  kill -TERM "$WATCHER"; wait "$WATCHER" || true; WATCHER=""
  after_last=$(echo "$done_at - $last" | bc -l)
  after_first=$(echo "$done_at - $first" | bc -l)
  ratio=$(echo "$after_last / $plain" | bc -l)
  rows+=$(printf '| watch run, settle %s ms | %.2f s (%.2f s from the first file; copy took %.2f s) | %.2fx |' \
    "$settle" "$after_last" "$after_first" "$(echo "$last - $first" | bc -l)" "$ratio")$'\n'
done

echo "idle CPU over $QUIET quiet files" >&2
make_files "$WORK/quiet" "$QUIET" 64x48 q
lib="$WORK/idle.tessera"
"$TESSERA" init "$lib" >/dev/null
"$TESSERA" --library "$lib" watch add "$WORK/quiet" >/dev/null
"$TESSERA" --library "$lib" ingest "$WORK/quiet" >/dev/null 2>&1
"$TESSERA" --library "$lib" watch run 2>"$WORK/idle.log" & WATCHER=$!
wait_status "$lib" watching
sleep 3 # the start-up reconciliation walk
ticks() { awk '{print $14 + $15}' "/proc/$WATCHER/stat"; }
c0=$(ticks); sleep "$IDLE_SECONDS"; c1=$(ticks)
kill -TERM "$WATCHER"; wait "$WATCHER" || true; WATCHER=""
hz=$(getconf CLK_TCK)
cpu_s=$(echo "($c1 - $c0) / $hz" | bc -l)
cpu_pct=$(echo "100 * $cpu_s / $IDLE_SECONDS" | bc -l)
reingested=$(grep -c ' ingested ' "$WORK/idle.log" || true)

mkdir -p "$OUT"
{
  echo "# Watched folders"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $N files of $(du -h "$WORK/src/f-$(printf '%0*d' ${#N} 1).jpg" | cut -f1) (1600x1067 JPEG)."
  echo
  echo "| what | time until all $N are searchable | vs plain ingest |"
  echo "|---|---|---|"
  printf '| `tessera ingest` (plain, from a warm cache) | %.2f s | 1.00x |\n' "$plain"
  printf '%s' "$rows"
  echo
  echo "The watched-folder time is measured from the moment the last file landed (cp returned) until \`stats\` counts"
  echo "all $N assets; the watcher starts ingesting while the copy is still running. It includes the settle time (a file"
  echo "is taken once unchanged that long)."
  echo
  printf 'Idle: `watch run` over %s ingested, quiet files for %s s: %.2f s of CPU (%.3f %%); files taken again: %s.\n' \
    "$QUIET" "$IDLE_SECONDS" "$cpu_s" "$cpu_pct" "$reingested"
} > "$OUT/watch.md"
cat "$OUT/watch.md"
python3 "$ROOT/bench/fill_tables.py" watch
