#!/usr/bin/env bash
# Extract plus transform of the current checkout, overlapped (transform reads the rows as extract writes them, as the
# orchestrator runs them) against sequential (transform after extract, from the staged files), side by side on one
# build, one source and one disk: each round runs sequential, overlapped, overlapped, sequential.
# Usage: scripts/bench-extract-transform-modes.sh [rounds, default 1]
#        SOURCE_URL='jdbc:postgresql://127.0.0.1/twinsync_bench?user=postgres' scripts/bench-extract-transform-modes.sh
#            (a PostgreSQL source in its own process; the database must exist, its tables are generated each call)
#        STAGING_DIR=/dev/shm/x ROWS=1000000 HEAP=256m scripts/bench-extract-transform-modes.sh
# Without SOURCE_URL the source is the H2 file database of scripts/bench-extract-transform.sh (generated if missing).
# Staging folders are removed at the end (see bench-extract-transform-compare.sh for why not after each run), or
# after each run with REMOVE_EACH=1 (for tmpfs).
# Needs: JDK 17; psql is not needed (the tables are created over JDBC).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"
ROUNDS=${1:-1}
ROWS=${ROWS:-1000000}
HEAP=${HEAP:-256m}
MAIN=io.twinsync.bench.ExtractTransformBenchmark
MAPPING="$ROOT/bench/src/main/resources/io/twinsync/bench/mapping.yaml"
say() { echo "bench-modes: $*" >&2; }

WORK=$(mktemp -d -t twinsync-bench-modes-XXXXXX)
STAGING_PARENT=${STAGING_DIR:-$WORK/staging}
cleanup() { rm -rf "$WORK" "$STAGING_PARENT"; }
trap cleanup EXIT

cd "$ROOT"
say "building"
./mvnw -q -pl extract,transform,sample-erp-schema -am install -DskipTests
./mvnw -q -f bench/pom.xml package -DskipTests
bench_libs "$ROOT" "$WORK"
CP="$WORK/lib/*"

if [ -n "${SOURCE_URL:-}" ]; then
    SOURCE=$SOURCE_URL
    say "generating $ROWS machines in $SOURCE_URL"
    java -cp "$CP" "$MAIN" generate-postgres "$SOURCE_URL" "$ROWS"
else
    SOURCE="$ROOT/bench/target/erp-$ROWS/erp"
    if [ ! -f "$SOURCE.mv.db" ]; then
        say "generating $ROWS machines in $SOURCE.mv.db"
        java -cp "$CP" "$MAIN" generate "$SOURCE" "$ROWS"
    fi
fi

RUN=0
run() {
    local mode=$1
    RUN=$((RUN + 1))
    local staging="$STAGING_PARENT/run-$RUN-$mode"
    sync
    java -Xmx"$HEAP" -cp "$CP" "$MAIN" run "$SOURCE" "$MAPPING" "$staging" 1000 "$mode" 2>/dev/null >"$WORK/$RUN.txt"
    sed "s/^/$mode /" "$WORK/$RUN.txt" | grep -E 'per_second|_seconds|rows_extracted|twin_files|heap_peak'
    awk '/^combined_rows_per_second/ {print $2}' "$WORK/$RUN.txt" >>"$WORK/$mode.rates"
    if [ "${REMOVE_EACH:-0}" = "1" ]; then
        rm -rf "$staging"
    fi
}

for round in $(seq 1 "$ROUNDS"); do
    say "round $round of $ROUNDS"
    run sequential
    run overlapped
    run overlapped
    run sequential
done
awk 'FNR == NR { s += $1; ns++; next } { o += $1; no++ }
     END { printf "combined rows/s, mean of %d runs each: sequential %.0f, overlapped %.0f, overlapped/sequential %.2f\n", ns, s / ns, o / no, (o / no) / (s / ns) }' \
    "$WORK/sequential.rates" "$WORK/overlapped.rates"
say "removing the staging folders"
