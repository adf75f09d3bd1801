#!/usr/bin/env bash
# Ingest benchmark: tessera against `vipsthumbnail` on the same real JPEGs, each from a warm page cache.
#
#   bash bench/ingest.sh            (after `cargo build --release -p tessera-cli`; `make bench` does both)
#
# Environment: TESSERA_CORPUS (default ~/.cache/tessera-corpus; fetched with ../shared/corpus/fetch-photos.sh when
# missing), TESSERA (default target/release/tessera), RUNS (default 3; the median is reported), BENCH_OUT (default
# bench-out). Writes BENCH_OUT/ingest.md.
set -euo pipefail
ROOT=$(git rev-parse --show-toplevel)
cd "$ROOT"
CORPUS=${TESSERA_CORPUS:-$HOME/.cache/tessera-corpus}
TESSERA=${TESSERA:-$ROOT/target/release/tessera}
RUNS=${RUNS:-3}
OUT=${BENCH_OUT:-$ROOT/bench-out}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

[ -x "$TESSERA" ] || { echo "no $TESSERA: run cargo build --release -p tessera-cli first" >&2; exit 1; }
if ! ls "$CORPUS"/photos/jpeg/*.jpg >/dev/null 2>&1; then
  echo "fetching the photo corpus into $CORPUS" >&2
  bash "$ROOT/../shared/corpus/fetch-photos.sh" "$CORPUS"
fi
command -v vipsthumbnail >/dev/null || {
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libvips-tools; }
command -v jq >/dev/null || {
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends jq; }

JPEG=$CORPUS/photos/jpeg
mapfile -t FILES < <(find "$JPEG" -maxdepth 1 -type f -name '*.jpg' | LC_ALL=C sort)
N=${#FILES[@]}
[ "$N" -gt 0 ] || { echo "no JPEGs in $JPEG" >&2; exit 1; }
MP=$(for f in "${FILES[@]}"; do vipsheader -f width "$f"; vipsheader -f height "$f"; done |
  awk 'NR%2{w=$1; next} {s+=w*$1} END{printf "%.1f", s/1e6}')
WORK=$(mktemp -d /tmp/tessera-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
warm() { cat "${FILES[@]}" >/dev/null; }
now() { date +%s.%N; }
median() { LC_ALL=C sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }

# One measurement of each kind per run; each prints seconds.
vips_once() {
  rm -rf "$WORK/vips" && mkdir -p "$WORK/vips"
  warm
  local t0 t1
  t0=$(now)
  VIPS_CONCURRENCY=1 taskset -c 0 vipsthumbnail -s 256 -o "$WORK/vips/%s.jpg[Q=75]" "${FILES[@]}" 2>"$WORK/vips.log"
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}
# ingest_once NAME TASKSET-PREFIX ARGS... -> the report's `seconds`; keeps the library at $WORK/NAME.tessera.
ingest_once() {
  local name=$1 pin=$2
  shift 2
  rm -rf "$WORK/$name.tessera"
  "$TESSERA" --json init "$WORK/$name.tessera" >/dev/null
  warm
  $pin "$TESSERA" --library "$WORK/$name.tessera" --json ingest "$JPEG" "$@" >"$WORK/$name.json"
  local got
  got=$(jq '.ingested | length' "$WORK/$name.json")
  [ "$got" = "$N" ] || { echo "$name: ingested $got of $N (see $WORK/$name.json)" >&2; jq -c '.failed, .skipped' "$WORK/$name.json" >&2; exit 1; }
  jq '.seconds' "$WORK/$name.json"
}
previews_once() {
  warm
  taskset -c 0 "$TESSERA" --library "$WORK/t1.tessera" --json thumbs --previews >"$WORK/previews.json"
  local made
  made=$(jq '.made' "$WORK/previews.json")
  [ "$made" = "$N" ] || { echo "thumbs --previews made $made of $N" >&2; exit 1; }
  jq '.seconds' "$WORK/previews.json"
}

declare -a VIPS T1 T2 T1P PREV
for run in $(seq 1 "$RUNS"); do
  echo "run $run/$RUNS: $N JPEGs, $MP MP" >&2
  VIPS+=("$(vips_once)")
  T1+=("$(ingest_once t1 "taskset -c 0" --threads 1)")
  PREV+=("$(previews_once)")
  T2+=("$(ingest_once t2 "" --threads 2)")
  T1P+=("$(ingest_once t1p "taskset -c 0" --threads 1 --previews)")
  echo "  vips ${VIPS[-1]} s, ingest 1t ${T1[-1]} s, previews ${PREV[-1]} s, ingest 2t ${T2[-1]} s, 1t+previews ${T1P[-1]} s" >&2
done
vips=$(printf '%s\n' "${VIPS[@]}" | median)
t1=$(printf '%s\n' "${T1[@]}" | median)
t2=$(printf '%s\n' "${T2[@]}" | median)
t1p=$(printf '%s\n' "${T1P[@]}" | median)
prev=$(printf '%s\n' "${PREV[@]}" | median)

mkdir -p "$OUT"
{
  echo "## Ingest: $N JPEGs ($MP MP) from $(basename "$CORPUS"), median of $RUNS runs, warm page cache"
  echo
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date -u +%Y-%m-%d)"
  echo
  awk -v n="$N" -v mp="$MP" -v vips="$vips" -v t1="$t1" -v t2="$t2" -v t1p="$t1p" -v prev="$prev" 'BEGIN {
    v = n / vips
    printf "| run | seconds | img/s | MP/s | vs vips 1 core | goal |\n|---|--:|--:|--:|--:|--:|\n"
    printf "| vipsthumbnail -s 256, 1 core (`taskset -c 0`, VIPS_CONCURRENCY=1) | %.2f | %.2f | %.1f | 1.00 | |\n", vips, v, mp / vips
    printf "| tessera ingest --threads 1, 1 core (`taskset -c 0`) | %.2f | %.2f | %.1f | %.2f | >= 1.0 |\n", t1, n / t1, mp / t1, n / t1 / v
    printf "| tessera ingest --threads 2 (2 cores) | %.2f | %.2f | %.1f | %.2f | >= 1.8 |\n", t2, n / t2, mp / t2, n / t2 / v
    printf "| tessera ingest --threads 1 --previews, 1 core | %.2f | %.2f | %.1f | %.2f | |\n", t1p, n / t1p, mp / t1p, n / t1p / v
    printf "\n| 1024 px preview cost | ms per image |\n|---|--:|\n"
    printf "| `tessera thumbs --previews` on the 1-thread library, 1 core (decode again + resize + encode) | %.1f |\n", prev / n * 1000
    printf "| ingest with --previews minus without, 1 core (marginal) | %.1f |\n", (t1p - t1) / n * 1000
  }'
  echo
  echo "Tessera figures use the \`seconds\` of \`ingest --json\` / \`thumbs --json\` (the run itself, excluding process start);"
  echo "vipsthumbnail is timed around the process (one process for all files)."
} | tee "$OUT/ingest.md"
