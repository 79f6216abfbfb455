#!/bin/sh
# Builds the libFuzzer harness (Tests/Fuzz/FuzzPipeline.swift) against an instrumented build of
# the JXLint library and runs it. Usage, from the package root:
#
#   sh Tests/Fuzz/run.sh [SECONDS] [extra libFuzzer flags…]      (default 300 s)
#
# Everything goes to .build-fuzz/ (git-ignored): the instrumented build, the binary
# .build-fuzz/fuzz-pipeline, the corpus .build-fuzz/corpus, and crash-*/timeout-*/oom-* files.
set -eu
SECONDS_TO_RUN=${1:-300}
[ $# -gt 0 ] && shift
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
OUT=.build-fuzz
B=$OUT/debug

# 1. The library modules with AddressSanitizer and libFuzzer's coverage (no libFuzzer main yet:
#    only the JXLint target and its dependencies are built, no executable is linked).
swift build --build-path "$OUT" --sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp --target JXLint

# 2. The harness, linked with those objects, zlib and libFuzzer.
swiftc -sanitize=fuzzer,address -parse-as-library -g \
    -I "$B/Modules" -I Sources/CZlib \
    Tests/Fuzz/FuzzPipeline.swift $(find "$B"/JX*.build -name "*.o") -lz \
    -o "$OUT/fuzz-pipeline" 2>&1 | { grep -v "Cannot export local symbol" || true; }
test -x "$OUT/fuzz-pipeline"

# 3. A seed corpus: the first byte picks the loader (0 .txt, 1 .md, 2 .docx, 3 .xlsx, 0xFF rule file).
mkdir -p "$OUT/corpus" "$OUT/artifacts"
seed() { # seed SELECTOR-OCTAL FILE
    name=$(basename "$2")
    { printf "\\$1"; cat "$2"; } > "$OUT/corpus/seed-$1-$name"
}
for f in Tests/LintTests/Fixtures/*.txt samples/*.txt samples/*.md rules/*.toml; do [ -f "$f" ] && seed 000 "$f"; done
for f in Tests/LintTests/Fixtures/*.docx Tests/LoadTests/Fixtures/*.docx samples/*.docx; do [ -f "$f" ] && seed 002 "$f"; done
for f in Tests/LoadTests/Fixtures/*.xlsx samples/*.xlsx; do [ -f "$f" ] && seed 003 "$f"; done
for f in rules/*.toml; do seed 377 "$f"; done

# 4. Run. Leak checking is off: the harness keeps its rule set for the whole run on purpose.
ASAN_OPTIONS=detect_leaks=0 "$OUT/fuzz-pipeline" \
    -dict=Tests/Fuzz/jxlint.dict -max_total_time="$SECONDS_TO_RUN" -timeout=20 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$OUT/artifacts/" "$@" "$OUT/corpus"
