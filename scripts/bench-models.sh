#!/usr/bin/env bash
# DTDL models at the sizes users bring them (issue 11), in one run:
#  1. the DTDL reader in one JVM (ModelsBenchmark reader): an ontology folder (RealEstateCore 3.3, 767 interfaces),
#     10,000 generated interfaces, 200 deletes and 200 single uploads against them as the emulator makes them, and
#     an extends chain 10,000 long; with a git ref, the same against that commit's dtdl module, side by side
#     (old, new, new, old, so that drift over time hits both alike);
#  2. the ontology uploaded to an emulator in the same JVM (ModelsBenchmark upload), as a harness;
#  3. the same through the CLI as users run it: a standalone 'twinsync emulator' process, and 'twinsync models
#     upload' (twice), 'models diff' and 'models list' against it, each a JVM of its own, timed from outside.
# Usage: scripts/bench-models.sh [git ref of a baseline for the reader, such as 03a72ec]
#        SKIP_BUILD=1 ROUNDS=5 ONTOLOGY=/path/to/folder PORT=18444 scripts/bench-models.sh
# Needs: JDK 17, curl; git for a baseline. Prints key: value lines; everything else goes to a temporary folder,
# removed at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"
BASE_REF=${1:-}
ROUNDS=${ROUNDS:-5}
ONTOLOGY=$(cd "${ONTOLOGY:-$ROOT/test-support/src/main/resources/ontologies/rec33-dtdl-v3}" && pwd)
PORT=${PORT:-18444}
MAIN=io.twinsync.bench.ModelsBenchmark
say() { echo "bench-models: $*" >&2; }
command -v curl >/dev/null 2>&1 || { say "curl is needed"; exit 1; }

WORK=$(mktemp -d -t twinsync-bench-models-XXXXXX)
EMULATOR_PID=
cleanup() {
    if [ -n "$EMULATOR_PID" ]; then
        kill "$EMULATOR_PID" 2>/dev/null || true
        wait "$EMULATOR_PID" 2>/dev/null || true
    fi
    git -C "$ROOT" worktree remove --force "$WORK/base-src" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    say "building the bench and the CLI"
    ./mvnw -q -B -pl dtdl,adt-emulator,twin-writer-task,extract,transform,sample-erp-schema -am install -DskipTests \
        -Dspotless.check.skip=true
    ./mvnw -q -B -f bench/pom.xml package -DskipTests -Dspotless.check.skip=true
    ./mvnw -q -B -pl orchestrator -am package -DskipTests -Dspotless.check.skip=true
fi
bench_libs "$ROOT" "$WORK/new"
cp orchestrator/target/twinsync.jar "$WORK/twinsync.jar"

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ontology: $ONTOLOGY"

# reader <new|old> <run>: the reader figures of one build, each line prefixed with the build and the run
reader() {
    java -Xmx2g -cp "$WORK/$1/lib/*" "$MAIN" reader "$ONTOLOGY" "$ROUNDS" 2>"$WORK/reader-$1-$2.log" \
        | sed "s/^/$1_$2_/"
}
if [ -z "$BASE_REF" ]; then
    say "reader, this checkout"
    reader new 1
else
    say "reader, this checkout and the dtdl module of $BASE_REF: old, new, new, old"
    git worktree add --detach "$WORK/base-src" "$BASE_REF" >/dev/null 2>&1
    (cd "$WORK/base-src" && ./mvnw -q -B -pl dtdl -am package -DskipTests -Dspotless.check.skip=true)
    mkdir -p "$WORK/old/lib"
    cp "$WORK/new/lib/"* "$WORK/old/lib/"
    rm "$WORK/old/lib/"twinsync-dtdl-*.jar
    cp "$WORK/base-src/dtdl/target/"twinsync-dtdl-*.jar "$WORK/old/lib/"
    echo "baseline: $(git -C "$ROOT" rev-parse --short "$BASE_REF")"
    reader old 1
    reader new 1
    reader new 2
    reader old 2
fi

say "upload, harness (emulator in the same JVM)"
java -Xmx1g -cp "$WORK/new/lib/*" "$MAIN" upload "$ONTOLOGY" 2>"$WORK/upload.log" | sed 's/^/harness_/' \
    || { tail -20 "$WORK/upload.log" >&2; exit 1; }

say "upload, CLI against a standalone emulator on port $PORT"
EMULATOR_HOME="$WORK/emulator-home"
TWINSYNC_HOME="$EMULATOR_HOME" java -jar "$WORK/twinsync.jar" emulator --port "$PORT" >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
CERT="$EMULATOR_HOME/adt-emulator/tls/emulator-cert.pem"
for _ in $(seq 1 120); do
    if [ -f "$CERT" ] && curl -s -o /dev/null --cacert "$CERT" -H "Authorization: Bearer bench" \
        "https://localhost:$PORT/models?api-version=2023-10-31"; then
        break
    fi
    kill -0 "$EMULATOR_PID" 2>/dev/null || { cat "$WORK/emulator.log" >&2; exit 1; }
    sleep 0.5
done

export TWINSYNC_HOME="$WORK/cli-home"
export TWINSYNC_TARGET_ENDPOINT="https://localhost:$PORT"
export TWINSYNC_TARGET_TRUST_CERTIFICATE="$CERT"
# timed <key> <twinsync arguments...>: wall time of one CLI command, as a user's shell sees it, and what it printed
timed() {
    local key=$1
    shift
    local start end
    start=$(date +%s%N)
    if ! java -jar "$WORK/twinsync.jar" "$@" >"$WORK/$key.out" 2>"$WORK/$key.err"; then
        say "twinsync $* failed:"
        cat "$WORK/$key.out" "$WORK/$key.err" >&2
        exit 1
    fi
    end=$(date +%s%N)
    echo "cli_${key}_ms: $(((end - start) / 1000000))"
    echo "cli_${key}_says: $(head -n 1 "$WORK/$key.out")"
}
timed version --version
timed first_upload models upload "$ONTOLOGY"
timed second_upload models upload "$ONTOLOGY"
timed diff models diff "$ONTOLOGY"
timed list models list
echo "load_after: $(cut -d' ' -f1-3 /proc/loadavg)"
