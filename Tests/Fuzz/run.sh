#!/bin/sh
# Builds the libFuzzer harnesses against an instrumented build of the library and runs one.
# Usage, from the package root:
#
#   sh Tests/Fuzz/run.sh [TARGET] [SECONDS] [extra libFuzzer flags…]
#
# TARGET: pipeline (default; Tests/Fuzz/FuzzPipeline.swift), text, zip, xml, docx, xlsx, rules
# (Tests/Fuzz/FuzzLoaders.swift built with -D FUZZ_<TARGET>); SECONDS defaults to 300.
# Everything goes to .build-fuzz/ (git-ignored): the instrumented build, the binaries
# .build-fuzz/fuzz-TARGET, the corpora .build-fuzz/corpus-TARGET, and crash-*/timeout-*/oom-*
# files in .build-fuzz/artifacts-TARGET/.
set -eu
TARGET=${1:-pipeline}
[ $# -gt 0 ] && shift
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
if [ "$TARGET" = pipeline ]; then
    SOURCE=Tests/Fuzz/FuzzPipeline.swift; FLAG=""
else
    SOURCE=Tests/Fuzz/FuzzLoaders.swift; FLAG="-DFUZZ_$(echo "$TARGET" | tr a-z A-Z)"
fi
swiftc -sanitize=fuzzer,address -parse-as-library -g $FLAG \
    -I "$B/Modules" -I Sources/CZlib \
    "$SOURCE" $(find "$B"/JX*.build -name "*.o") -lz \
    -o "$OUT/fuzz-$TARGET" 2>&1 | { grep -v "Cannot export local symbol" || true; }
test -x "$OUT/fuzz-$TARGET"

# 3. A seed corpus per target.
CORPUS=$OUT/corpus-$TARGET
ARTIFACTS=$OUT/artifacts-$TARGET
mkdir -p "$CORPUS" "$ARTIFACTS"
DICT=Tests/Fuzz/office.dict
case "$TARGET" in
pipeline)
    # the first byte picks the loader (0 .txt, 1 .md, 2 .docx, 3 .xlsx, 0xFF rule file)
    DICT=Tests/Fuzz/jxlint.dict
    seed() { { printf "\\$1"; cat "$2"; } > "$CORPUS/seed-$1-$(basename "$2")"; }
    for f in Tests/LintTests/Fixtures/*.txt samples/*.txt samples/*.md rules/*.toml; do [ -f "$f" ] && seed 000 "$f"; done
    for f in Tests/LintTests/Fixtures/*.docx Tests/LoadTests/Fixtures/*.docx; do [ -f "$f" ] && seed 002 "$f"; done
    for f in Tests/LoadTests/Fixtures/*.xlsx; do [ -f "$f" ] && seed 003 "$f"; done
    for f in rules/*.toml; do seed 377 "$f"; done ;;
text)
    DICT=Tests/Fuzz/jxlint.dict
    for f in samples/*.txt samples/*.md Tests/LintTests/Fixtures/*.txt; do [ -f "$f" ] && cp "$f" "$CORPUS/"; done
    python3 - "$CORPUS" <<'PY'
import sys, glob
out = sys.argv[1]
text = open("samples/slips-budget.txt", encoding="utf-8").read()
open(out + "/gb18030.txt", "wb").write(text.encode("gb18030"))
open(out + "/utf16le-bom.txt", "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
open(out + "/utf16be.txt", "wb").write(text.encode("utf-16-be"))
open(out + "/cr-only.txt", "wb").write(text.replace("\n", "\r").encode("utf-8"))
PY
    ;;
zip)
    for f in Tests/LoadTests/Fixtures/*.docx Tests/LoadTests/Fixtures/*.xlsx Tests/LintTests/Fixtures/*.docx; do [ -f "$f" ] && cp "$f" "$CORPUS/"; done ;;
xml|docx|xlsx)
    python3 - "$CORPUS" "$TARGET" <<'PY'
import sys, glob, zipfile, os
out, target = sys.argv[1], sys.argv[2]
def part(z, name):
    try: return z.read(name)
    except KeyError: return b""
for path in glob.glob("Tests/LoadTests/Fixtures/*.docx") + glob.glob("Tests/LintTests/Fixtures/*.docx"):
    z = zipfile.ZipFile(path); base = os.path.basename(path)
    if target == "xml":
        for n in z.namelist():
            if n.endswith(".xml"): open(f"{out}/{base}-{n.replace('/', '_')}", "wb").write(z.read(n))
    elif target == "docx":
        open(f"{out}/{base}", "wb").write(b"\0".join(part(z, n) for n in ["word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml"]))
for path in glob.glob("Tests/LoadTests/Fixtures/*.xlsx"):
    z = zipfile.ZipFile(path); base = os.path.basename(path)
    if target == "xml":
        for n in z.namelist():
            if n.endswith(".xml"): open(f"{out}/{base}-{n.replace('/', '_')}", "wb").write(z.read(n))
    elif target == "xlsx":
        sheets = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
        for s in sheets:
            open(f"{out}/{base}-{os.path.basename(s)}", "wb").write(b"\0".join([z.read(s), part(z, "xl/sharedStrings.xml"), part(z, "xl/styles.xml")]))
PY
    ;;
rules)
    DICT=""
    cp rules/*.toml "$CORPUS/" ;;
*)
    echo "unknown target $TARGET (pipeline, text, zip, xml, docx, xlsx, rules)" >&2; exit 2 ;;
esac

# 4. Run. Leak checking is off: the harnesses keep their rule set for the whole run on purpose.
ASAN_OPTIONS=detect_leaks=0 "$OUT/fuzz-$TARGET" ${DICT:+-dict=$DICT} -max_total_time="$SECONDS_TO_RUN" -timeout=20 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$ARTIFACTS/" "$@" "$CORPUS"
