#!/usr/bin/env bash
# Extract plus transform, side by side: the current checkout against an earlier commit, on the same generated
# database and disk. Each round runs old, new, new, old (so drift over time hits both alike), and the staging
# folders are removed only at the end: on this machine's disk (ext4 mounted with discard) removing a million files
# slows every file system call for minutes after, which would penalise whichever run comes next.
# Usage: scripts/bench-extract-transform-compare.sh <git ref of the baseline> [rounds, default 2]
#        ROWS=1000000 HEAP=256m STAGING_DIR=/path scripts/bench-extract-transform-compare.sh 059ab85 3
#        REMOVE_EACH=1 STAGING_DIR=/dev/shm/x ...   (remove each run's staging right away: for tmpfs, where it is cheap)
# Each round also runs the file-system floor between the two new runs: the same number of files of the twin files'
# average size (FLOOR_BYTES, default 678) in 256 folders from two threads, nothing else, which shows how much of a
# run the file system alone costs on that disk. FLOOR=0 leaves it out.
# Prints each run's figures and the mean combined rows per second of old, new and the floor's files per second.
# Needs: JDK 17, git. Builds both versions (a temporary worktree for the baseline).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"
BASE_REF=${1:?give the git ref of the baseline, for example 059ab85}
ROUNDS=${2:-2}
ROWS=${ROWS:-1000000}
HEAP=${HEAP:-256m}
MAIN=io.twinsync.bench.ExtractTransformBenchmark
DB="$ROOT/bench/target/erp-$ROWS/erp"
say() { echo "bench-compare: $*" >&2; }

WORK=$(mktemp -d -t twinsync-bench-cmp-XXXXXX)
STAGING_PARENT=${STAGING_DIR:-$WORK/staging}
cleanup() {
    git -C "$ROOT" worktree remove --force "$WORK/base-src" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# Builds the bench of a source tree into $2/lib with its own mapping, so the two never share a class.
build() {
    local src=$1 out=$2
    (cd "$src" && ./mvnw -q -pl extract,transform,sample-erp-schema -am install -DskipTests \
        && ./mvnw -q -f bench/pom.xml package -DskipTests)
    bench_libs "$src" "$out"
    cp -r "$src"/bench/src/main/resources/io/twinsync/bench/. "$out/"
}

say "building baseline $BASE_REF"
git -C "$ROOT" worktree add --detach "$WORK/base-src" "$BASE_REF" >/dev/null
build "$WORK/base-src" "$WORK/old"
say "building the current checkout"
build "$ROOT" "$WORK/new"

if [ ! -f "$DB.mv.db" ]; then
    say "generating $ROWS machines in $DB.mv.db"
    java -cp "$WORK/new/lib/*" "$MAIN" generate "$DB" "$ROWS"
fi

RUN=0
run() {
    local which=$1
    RUN=$((RUN + 1))
    local staging="$STAGING_PARENT/run-$RUN-$which"
    sync
    java -Xmx"$HEAP" -cp "$WORK/$which/lib/*" "$MAIN" run "$DB" "$WORK/$which/mapping.yaml" "$staging" 1000 \
        2>/dev/null >"$WORK/$which-$RUN.txt"
    sed "s/^/$which /" "$WORK/$which-$RUN.txt" | grep -E 'per_second|_seconds|rows_extracted|twin_files|heap_peak'
    awk '/^combined_rows_per_second/ {print $2}' "$WORK/$which-$RUN.txt" >>"$WORK/$which.rates"
    if [ "${REMOVE_EACH:-0}" = "1" ]; then
        rm -rf "$staging"
    fi
}

floor() {
    RUN=$((RUN + 1))
    local folder="$STAGING_PARENT/run-$RUN-floor"
    sync
    java -cp "$WORK/new/lib/*" "$MAIN" floor "$folder" "$((ROWS + 1000))" "${FLOOR_BYTES:-678}" >"$WORK/floor-$RUN.txt"
    sed "s/^/floor /" "$WORK/floor-$RUN.txt"
    awk '/^floor_files_per_second/ {print $2}' "$WORK/floor-$RUN.txt" >>"$WORK/floor.rates"
    if [ "${REMOVE_EACH:-0}" = "1" ]; then
        rm -rf "$folder"
    fi
}

for round in $(seq 1 "$ROUNDS"); do
    say "round $round of $ROUNDS"
    run old
    run new
    [ "${FLOOR:-1}" = "1" ] && floor
    run new
    run old
done
awk 'FNR == NR { o += $1; no++; next } { n += $1; nn++ }
     END { printf "combined rows/s, mean of %d runs each: old %.0f, new %.0f, new/old %.2f\n", no, o / no, n / nn, (n / nn) / (o / no) }' \
    "$WORK/old.rates" "$WORK/new.rates"
if [ -f "$WORK/floor.rates" ]; then
    awk 'FNR == NR { f += $1; nf++; next } { n += $1; nn++ }
         END { printf "file-system floor, mean of %d runs: %.0f files/s; new/floor %.2f\n", nf, f / nf, (n / nn) / (f / nf) }' \
        "$WORK/floor.rates" "$WORK/new.rates"
fi
say "removing the staging folders"
rm -rf "$STAGING_PARENT"
