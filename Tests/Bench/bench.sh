#!/usr/bin/env bash
# Speed benchmark (issue 12); not part of `swift test`. Builds its inputs from ../shared/corpus and
# prints CPU-time ratios of a release build:
#   batch      the corpus and wild reports copied to ≈ BENCH_BATCH_MB MB, `--jobs 1`, vs `wc -m` (goal ≤ 15×)
#   one        the corpus report nearest 40 KB vs `jxlint --version`, each run 20 times (goal ≤ 2.5×)
#   growth     one document of 4 MB vs one of 1 MB (the same reports, 4 times over)    (goal ≤ 4.8×)
#   jobs       wall time of the batch with `--jobs 2` vs `--jobs 1`                      (goal ≤ 0.6×, two free cores)
#   memory     peak RSS (/usr/bin/time -f %M, largest process) of the batch vs a tenth of it (goal ≤ +15 MB)
# Each figure is the best of BENCH_RUNS runs (default 3).
# usage: Tests/Bench/bench.sh [BINARY]   (default .build/release/jxlint; build it first)
# env:   BENCH_DIR (inputs, default /tmp/jxlint-bench), BENCH_BATCH_MB (20), BENCH_RUNS (3),
#        BENCH_SKIP (space-separated names of parts to skip: batch one growth jobs memory)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/.build/release/jxlint}
corpus=${BENCH_CORPUS:-$root/../shared/corpus}
dir=${BENCH_DIR:-/tmp/jxlint-bench}
batch_mb=${BENCH_BATCH_MB:-20}
runs=${BENCH_RUNS:-3}
skip=" ${BENCH_SKIP:-} "
export LC_ALL=C.UTF-8   # `wc -m` decodes UTF-8 only in a UTF-8 locale

[ -x "$bin" ] || { echo "no binary at $bin (swift build -c release)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
reports=("$corpus"/*.txt "$corpus"/wild/*.txt)

# --- inputs (rebuilt only when missing or of another size) ---
mkdir -p "$dir"
stamp="$dir/.stamp-$batch_mb-${#reports[@]}"
if [ ! -f "$stamp" ]; then
  rm -rf "$dir/batch" "$dir"/.stamp-* "$dir"/doc1.txt "$dir"/doc4.txt
  mkdir -p "$dir/batch"
  total=0; copy=0
  while [ "$total" -lt $((batch_mb * 1000000)) ]; do
    copy=$((copy + 1))
    for f in "${reports[@]}"; do
      b=$(basename "$f" .txt)
      cp "$f" "$dir/batch/${b}_$copy.txt"
      total=$((total + $(stat -c %s "$f")))
    done
  done
  # one document of ≥ 1 MB made of whole reports, then the same text 4 times over
  : > "$dir/doc1.txt"
  while [ "$(stat -c %s "$dir/doc1.txt")" -lt 1048576 ]; do
    for f in "${reports[@]}"; do cat "$f"; printf '\n'; done >> "$dir/doc1.txt"
  done
  for _ in 1 2 3 4; do cat "$dir/doc1.txt"; done > "$dir/doc4.txt"
  touch "$stamp"
fi
# a tenth of the batch, for the memory comparison
small_stamp="$dir/.small-$batch_mb-${#reports[@]}"
if [ ! -f "$small_stamp" ]; then
  rm -rf "$dir/small" "$dir"/.small-*
  mkdir -p "$dir/small"
  total=0
  for f in "$dir"/batch/*.txt; do
    [ "$total" -lt $((batch_mb * 100000)) ] || break
    cp "$f" "$dir/small/"
    total=$((total + $(stat -c %s "$f")))
  done
  touch "$small_stamp"
fi
one=$(for f in "$corpus"/*.txt; do s=$(stat -c %s "$f"); d=$((s - 40000)); echo "${d#-} $f"; done | sort -n | head -1 | cut -d' ' -f2)

# --- timing: best user+sys (cpu) and best wall of $runs runs, in seconds ---
TIMEFORMAT='%3U %3S %3R'
best_cpu=0; best_wall=0
measure() {
  best_cpu=""; best_wall=""
  local i t u s r c
  for ((i = 0; i < runs; i++)); do
    t=$( { time "$@" >/dev/null 2>&1; } 2>&1 | tail -1 )
    read -r u s r <<<"$t"
    c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }')
    if [ -z "$best_cpu" ] || awk -v a="$c" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$c; fi
    if [ -z "$best_wall" ] || awk -v a="$r" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$r; fi
  done
}
# `repeat N CMD…`: CMD run N times (its output dropped), timed as one command
repeat() { local n=$1 k; shift; for ((k = 0; k < n; k++)); do "$@" >/dev/null 2>&1; done; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 0.001; printf "%.2f", a / b }'; }
verdict() { awk -v r="$1" -v g="$2" 'BEGIN { print (r <= g ? "ok" : "OVER") }'; }

batch_bytes=$(cat "$dir"/batch/*.txt | wc -c)
echo "jxlint: $bin"
echo "inputs: $dir (batch $(ls "$dir/batch" | wc -l) files, $batch_bytes bytes; doc1 $(stat -c %s "$dir/doc1.txt") bytes; doc4 $(stat -c %s "$dir/doc4.txt") bytes; one $(basename "$one") $(stat -c %s "$one") bytes); best of $runs"

if [[ $skip != *" batch "* ]]; then
  measure "$bin" check --format json --fail-on never --jobs 1 "$dir/batch"; jx=$best_cpu
  measure wc -m "$dir"/batch/*.txt; wc_cpu=$best_cpu
  r=$(ratio "$jx" "$wc_cpu")
  printf 'batch   %6s s CPU (--jobs 1) vs wc -m %6s s   = %7s×  goal ≤ 15    %s\n' "$jx" "$wc_cpu" "$r" "$(verdict "$r" 15)"
fi
if [[ $skip != *" one "* ]]; then
  # 20 runs per measure: one run is a few milliseconds, and `time` counts in milliseconds
  measure repeat 20 "$bin" check --format json --fail-on never "$one"; jx=$(awk -v t="$best_cpu" 'BEGIN { printf "%.4f", t / 20 }')
  measure repeat 20 "$bin" --version; v=$(awk -v t="$best_cpu" 'BEGIN { printf "%.4f", t / 20 }')
  r=$(ratio "$jx" "$v")
  printf 'one     %6s s CPU (one report) vs --version %6s s = %5s×  goal ≤ 2.5   %s\n' "$jx" "$v" "$r" "$(verdict "$r" 2.5)"
fi
if [[ $skip != *" growth "* ]]; then
  measure "$bin" check --format json --fail-on never "$dir/doc1.txt"; a=$best_cpu
  measure "$bin" check --format json --fail-on never "$dir/doc4.txt"; b=$best_cpu
  r=$(ratio "$b" "$a")
  printf 'growth  %6s s CPU (4 MB) vs 1 MB %6s s         = %7s×  goal ≤ 4.8   %s\n' "$b" "$a" "$r" "$(verdict "$r" 4.8)"
fi
if [[ $skip != *" jobs "* ]]; then
  measure "$bin" check --format json --fail-on never --jobs 1 "$dir/batch"; w1=$best_wall
  measure "$bin" check --format json --fail-on never --jobs 2 "$dir/batch"; w2=$best_wall
  r=$(ratio "$w2" "$w1")
  printf 'jobs    %6s s wall (--jobs 2) vs --jobs 1 %6s s   = %7s×  goal ≤ 0.6   %s (needs two free cores; load %s)\n' "$w2" "$w1" "$r" "$(verdict "$r" 0.6)" "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo ?)"
fi
if [[ $skip != *" memory "* ]] && [ -x /usr/bin/time ]; then
  peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
  m_small=$(peak "$bin" check --format json --fail-on never --jobs 1 "$dir/small")
  m_big=$(peak "$bin" check --format json --fail-on never --jobs 1 "$dir/batch")
  d=$(( (m_big - m_small) / 1024 ))
  printf 'memory  %6s KB peak (batch) vs a tenth %6s KB   = %+5d MB  goal ≤ +15   %s\n' "$m_big" "$m_small" "$d" "$(awk -v d="$d" 'BEGIN { print (d <= 15 ? "ok" : "OVER") }')"
fi
