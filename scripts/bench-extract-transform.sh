#!/usr/bin/env bash
# Measures extract plus transform throughput: generates $ROWS machines (each on one of 1,000 lines) in an H2 file
# database, then, in one JVM with the heap capped at $HEAP, extracts both tables into a new local batch
# (JdbcRowExtractor) and transforms it into one twin file per twin (TwinTransformer, bench/ mapping and models).
# Usage: scripts/bench-extract-transform.sh                        (build, generate if needed, measure)
#        SKIP_BUILD=1 ROWS=1000000 HEAP=256m FETCH_SIZE=1000 STAGING_DIR=/dev/shm/x scripts/bench-extract-transform.sh
#        PROFILE=1 scripts/bench-extract-transform.sh             (also records JFR and prints the top frames)
# Needs: JDK 17. The database is kept in bench/target/erp-$ROWS and reused; the staging folder (a fresh temporary
# folder on the same disk unless STAGING_DIR is set) is removed at the end unless KEEP=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"
ROWS=${ROWS:-1000000}
HEAP=${HEAP:-256m}
FETCH_SIZE=${FETCH_SIZE:-1000}
MAIN=io.twinsync.bench.ExtractTransformBenchmark
MAPPING="$ROOT/bench/src/main/resources/io/twinsync/bench/mapping.yaml"
DB="$ROOT/bench/target/erp-$ROWS/erp"

say() { echo "bench-extract-transform: $*" >&2; }

WORK=$(mktemp -d -t twinsync-bench-et-XXXXXX)
STAGING=${STAGING_DIR:-$WORK/staging}
cleanup() {
    if [ "${KEEP:-0}" != "1" ]; then
        rm -rf "$WORK"
        [ -n "${STAGING_DIR:-}" ] && rm -rf "$STAGING_DIR"
    fi
    return 0
}
trap cleanup EXIT

cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    say "building extract, transform and bench"
    ./mvnw -q -pl extract,transform,sample-erp-schema -am install -DskipTests
    ./mvnw -q -f bench/pom.xml package -DskipTests
fi
bench_libs "$ROOT" "$WORK"
CP="$WORK/lib/*"

if [ ! -f "$DB.mv.db" ]; then
    say "generating $ROWS machines and 1,000 lines in $DB.mv.db"
    java -cp "$CP" "$MAIN" generate "$DB" "$ROWS"
fi

JVM=(-Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log":uptime,level,tags)
if [ "${PROFILE:-0}" = "1" ]; then
    JVM+=(-XX:StartFlightRecording=filename="$WORK/bench.jfr",settings=profile)
fi
say "extract + transform, heap $HEAP, fetch size $FETCH_SIZE, staging in $STAGING"
java "${JVM[@]}" -cp "$CP" "$MAIN" run "$DB" "$MAPPING" "$STAGING" "$FETCH_SIZE" | tee "$WORK/result.txt"

BATCH=$(awk '/^batch:/ {print $2}' "$WORK/result.txt")
echo "twin_files_on_disk: $(find "$BATCH/twins" -type f -name '*.json' | wc -l)"
echo "twins_folder_size: $(du -sh "$BATCH/twins" | cut -f1)"
echo "rows_folder_size: $(du -sh "$BATCH/rows" | cut -f1)"
# G1 lines read "Pause Young (Normal) (G1 Evacuation Pause) 150M->20M(256M) 3.1ms": the largest before and after.
awk '/->/ { split($0, a, "->"); n = split(a[1], b, " "); before = b[n]; sub(/M$/, "", before);
            split(a[2], c, "("); after = c[1]; sub(/M$/, "", after);
            if (before + 0 > mb) mb = before + 0; if (after + 0 > ma) ma = after + 0 }
     END { printf "gc_log_peak_before_gc_mb: %d\ngc_log_peak_after_gc_mb: %d\n", mb, ma }' "$WORK/gc.log"
echo "gc_log_pauses: $(grep -c 'Pause' "$WORK/gc.log")"
grep -i "outofmemory\|to-space exhausted\|Pause Full" "$WORK/gc.log" | head -5 || true

if [ "${PROFILE:-0}" = "1" ]; then
    set +o pipefail # head closes the pipes early, which is not a failure
    say "top frames (JFR execution samples, Java threads running Java code)"
    jfr print --events jdk.ExecutionSample "$WORK/bench.jfr" >"$WORK/samples.txt"
    echo "== top 25 leaf frames =="
    awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$WORK/samples.txt" \
        | sort | uniq -c | sort -rn | head -25
    echo "== native method samples (threads blocked in native code: file I/O), top 15 leaf frames =="
    jfr print --events jdk.NativeMethodSample "$WORK/bench.jfr" \
        | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' \
        | sort | uniq -c | sort -rn | head -15
    cp "$WORK/bench.jfr" "$ROOT/bench/target/bench.jfr"
    say "recording kept in bench/target/bench.jfr"
fi
