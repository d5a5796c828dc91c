#!/usr/bin/env bash
# The memory of `twinsync run` through the CLI (issue 16): a generated sample ERP of ROWS rows, a first load and then
# a patch run of every row, each with TWINSYNC_JAVA_OPTS' heap (default -Xmx512m), into a standalone emulator with
# ADT's limits off (another process, so that only the run's heap and RSS are measured). Prints one line per run:
# exit code, peak RSS (GNU time), the heap's peak before a collection and its largest live set after one (GC log),
# full collections, and wall time. An OutOfMemoryError shows as exit 1 and a full heap.
# Usage: scripts/bench-run-memory.sh                         (ROWS=100000, HEAP=-Xmx512m)
#        ROWS=20000 HEAP=-Xmx256m CLI=/tmp/old-cli scripts/bench-run-memory.sh
#   CLI: an unpacked CLI (orchestrator/target/cli, built by ./twinsync or `./mvnw -pl orchestrator -am package`),
#   copied elsewhere to measure another version side by side.
# Needs: JDK 17, GNU time (/usr/bin/time). Work goes to a temporary folder, removed at the end (KEEP=1 keeps it).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${ROWS:-100000}
HEAP=${HEAP:--Xmx512m}
CLI=${CLI:-$ROOT/orchestrator/target/cli}
PORT=${PORT:-18443}
WORK=$(mktemp -d -t twinsync-bench-memory-XXXXXX)
EMULATOR=
cleanup() {
    [ -n "$EMULATOR" ] && kill "$EMULATOR" 2>/dev/null && wait "$EMULATOR" 2>/dev/null
    [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
[ -f "$CLI/twinsync.jar" ] || { echo "No CLI in $CLI: run ./twinsync --version first" >&2; exit 1; }
export TWINSYNC_HOME=$WORK/home
cli() { java -XX:SharedArchiveFile="$CLI/twinsync.jsa" -Xshare:auto -Xlog:cds=off,cds+dynamic=off "$@"; }

cli -jar "$CLI/twinsync.jar" sample-erp generate --rows "$ROWS" >/dev/null 2>&1
# java itself in the background (not through the function), so that $! is the JVM the cleanup stops
java -XX:SharedArchiveFile="$CLI/twinsync.jsa" -Xshare:auto -Xlog:cds=off,cds+dynamic=off -jar "$CLI/twinsync.jar" \
    emulator --limits off --port "$PORT" >"$WORK/emulator.log" 2>&1 &
EMULATOR=$!
for _ in $(seq 1 120); do grep -q "listening" "$WORK/emulator.log" 2>/dev/null && break; sleep 1; done
export TWINSYNC_TARGET_ENDPOINT=https://localhost:$PORT
export TWINSYNC_TARGET_TRUST_CERTIFICATE=$TWINSYNC_HOME/adt-emulator/tls/emulator-cert.pem

run() {
    local label=$1
    local load
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    set +e
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$WORK/$label.time" java -XX:SharedArchiveFile="$CLI/twinsync.jsa" -Xshare:auto \
        -Xlog:cds=off,cds+dynamic=off $HEAP -Xlog:gc:file="$WORK/$label.gc.log" \
        -jar "$CLI/twinsync.jar" run >"$WORK/$label.out" 2>"$WORK/$label.err"
    local code=$?
    set -e
    python3 - "$WORK" "$label" "$code" "$load" <<'PY'
import re, sys
work, label, code, load = sys.argv[1:]
peak = live = full = 0
for line in open(f"{work}/{label}.gc.log"):
    m = re.search(r"Pause (Young|Full).* (\d+)M->(\d+)M\(", line)
    if m:
        peak, live = max(peak, int(m.group(2))), max(live, int(m.group(3)))
        full += m.group(1) == "Full"
time = open(f"{work}/{label}.time").read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", time).group(1)) // 1024
wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", time).group(1)
print(f"{label:<12} exit {code}  peak RSS {rss} MB  heap peak {peak} MB  live after GC {live} MB  "
      f"full GCs {full}  wall {wall}  load at start {load}")
PY
}

echo "ROWS=$ROWS HEAP=$HEAP CLI=$CLI $(date -u +%FT%TZ) $(nproc) cores"
run first-load
# every row changed: a name suffix and a later ModifiedAt, so the incremental read takes it and every twin is patched
URL="jdbc:h2:file:$TWINSYNC_HOME/sample-erp/erp;MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
H2=$(ls "$CLI"/lib/h2-*.jar | head -n 1)
for table in CostCenter Site Building ProductionLine Equipment; do
    java -cp "$H2" org.h2.tools.Shell -url "$URL" -user "" -password "" \
        -sql "UPDATE $table SET Name = Name || ' v2', ModifiedAt = DATEADD('DAY', 1, CURRENT_TIMESTAMP)" >/dev/null
done
run patch-run
