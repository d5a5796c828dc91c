#!/usr/bin/env bash
# A sync at scale through the CLI, as a user runs it (issue 16): the sample ERP generated at ROWS rows
# (`twinsync sample-erp generate`) in PostgreSQL (or the embedded H2), the sample mapping, `./twinsync run` against a
# standalone `./twinsync emulator` in its own process, at ADT's limits with LATENCY on every answer. Three runs:
#   first load   every twin and relationship created            bound: creates / 500 per second
#   patch run    every row of every table changed (Name, ModifiedAt)   bound: patches / 1,000 per second
#   steady       1 % of the equipment rows changed              bound: patches / 1,000 per second
# For each: wall time against the bound, time outside the write, requests and 429s, requests per changed twin, the
# twinsync process's CPU (user + system) per request and its peak RSS (from /usr/bin/time), and the emulator's CPU
# over the run (from /proc), so that the client's share is measured on its own.
# Usage: scripts/bench-scale.sh                     (ROWS=20000 SOURCE=postgres LATENCY=20ms..50ms)
#        ROWS=100000 HEAP=-Xmx512m scripts/bench-scale.sh
#        ROWS=5000 SOURCE=embedded LATENCY=none scripts/bench-scale.sh
# Needs: JDK 17, python3, /usr/bin/time; for SOURCE=postgres a local PostgreSQL (127.0.0.1:5432, user postgres,
# database test). Work goes to a temporary folder and a throw-away schema, both removed at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${ROWS:-20000}
SOURCE=${SOURCE:-postgres}           # postgres | embedded
LATENCY=${LATENCY:-20ms..50ms}       # the emulator's --latency; "none" for none
HEAP=${HEAP:-}                       # java options for twinsync (TWINSYNC_JAVA_OPTS), e.g. -Xmx512m
WORK=$(mktemp -d -t twinsync-bench-scale-XXXXXX)
SCHEMA=bench_scale_$$
PG="psql -q -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1"
EMULATOR=
cleanup() {
    if [ -n "$EMULATOR" ]; then kill "$EMULATOR" 2>/dev/null || true; wait "$EMULATOR" 2>/dev/null || true; fi
    [ "$SOURCE" = "postgres" ] && { $PG -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true; }
    rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
./twinsync --version >/dev/null   # builds the CLI when the sources changed, as the launcher does for a user

export TWINSYNC_HOME="$WORK/home"
export TWINSYNC_JAVA_OPTS="$HEAP"
if [ "$SOURCE" = "postgres" ]; then
    $PG -c "CREATE SCHEMA $SCHEMA" >/dev/null
    export TWINSYNC_SOURCE_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA"
    export TWINSYNC_SOURCE_USERNAME=postgres
    sql() { $PG -c "SET search_path TO $SCHEMA; $1" >/dev/null; }
    NOW="LOCALTIMESTAMP"
else
    sql() { ./twinsync sample-erp sql "$1" >/dev/null; }
    NOW="CURRENT_TIMESTAMP"
fi
./twinsync sample-erp generate --rows "$ROWS" --replace >"$WORK/generate.txt"
cat "$WORK/generate.txt" | head -n 1

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
latency=()
[ "$LATENCY" = "none" ] || latency=(--latency "$LATENCY")
TWINSYNC_JAVA_OPTS= TWINSYNC_HOME="$WORK/adt" ./twinsync emulator --port "$PORT" "${latency[@]}" >"$WORK/emulator.log" 2>&1 &
EMULATOR=$!
for _ in $(seq 1 120); do grep -q "Press Ctrl-C" "$WORK/emulator.log" 2>/dev/null && break; sleep 0.5; done
grep -q "Press Ctrl-C" "$WORK/emulator.log" || { echo "the emulator did not start:" >&2; cat "$WORK/emulator.log" >&2; exit 1; }
# the JVM under the launcher's exec: the emulator's own process
EMULATOR_JVM=$EMULATOR
export TWINSYNC_TARGET_ENDPOINT="https://localhost:$PORT"
export TWINSYNC_TARGET_TRUST_CERTIFICATE="$WORK/adt/adt-emulator/tls/emulator-cert.pem"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICKS=$(getconf CLK_TCK)

# run <label> <bound: requests per second the service allows for this run's writes> <changed twins, or "">
run() {
    local label=$1 limit=$2 changed=$3 before after
    before=$(cpu_ticks "$EMULATOR_JVM")
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" ./twinsync run --output json >"$WORK/run.json" \
        2>"$WORK/run.err" || { cat "$WORK/run.err" >&2; exit 1; }
    after=$(cpu_ticks "$EMULATOR_JVM")
    python3 - "$label" "$limit" "$changed" "$WORK/run.json" "$WORK/time.txt" "$before" "$after" "$TICKS" <<'PY'
import json, sys
from datetime import datetime
label, limit, changed = sys.argv[1], float(sys.argv[2]), sys.argv[3]
doc = json.load(open(sys.argv[4]))
wall, user, system, rss_kb = open(sys.argv[5]).read().split()[-4:]
wall, cpu, rss_mb = float(wall), float(user) + float(system), int(rss_kb) / 1024
emulator_cpu = (int(sys.argv[7]) - int(sys.argv[6])) / int(sys.argv[8])
m = doc["manifest"]
w = m["write"]
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
write_s = (t(w["finishedAt"]) - t(w["startedAt"])).total_seconds()
tw, rel = w["twins"], w["relationships"]
creates, patches = tw["created"] + rel["created"], tw["patched"] + rel["patched"]
writes = creates + patches + tw["deleted"] + rel["deleted"]
bound = writes / limit
req, throttled = w["requests"], w["throttled"]
per_changed = f", {req / int(changed):.2f} requests per changed twin" if changed else ""
print(f"| {label} | {doc['result']} | {tw['created']:,} / {tw['patched']:,} / {tw['unchanged']:,} twins,"
      f" {rel['created']:,} / {rel['patched']:,} relationships (created / patched / unchanged) |"
      f" {wall:.1f} s | {bound:.1f} s | {wall / bound if bound else 0:.2f}x | {wall - write_s:.1f} s |"
      f" {req:,} ({100.0 * throttled / max(1, req):.2f} % 429){per_changed} |"
      f" {cpu:.1f} s = {1000 * cpu / max(1, req):.2f} ms per request | {rss_mb:,.0f} MB | {emulator_cpu:.1f} s |")
PY
}

echo "bench-scale: $ROWS rows ($SOURCE), latency $LATENCY, heap ${HEAP:-default}, $(nproc) cores," \
    "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "| run | result | written | wall | service bound | wall / bound | outside the write | requests | twinsync CPU | twinsync peak RSS | emulator CPU |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
run "first load" 500 ""
for table in CostCenter Site Building ProductionLine Equipment; do
    sql "UPDATE $table SET Name = Name || ' v2', ModifiedAt = $NOW"
done
run "patch run" 1000 ""
EQUIPMENT=$(sed -n 's/.*production lines, \([0-9,]*\) equipment.*/\1/p' "$WORK/generate.txt" | tr -d ,)
sql "UPDATE Equipment SET Status = CASE Status WHEN 'Running' THEN 'Idle' ELSE 'Running' END, ModifiedAt = $NOW
     WHERE MOD(EquipmentId, 100) = 0"
run "steady, 1 % changed" 1000 "$((EQUIPMENT / 100))"
echo "bench-scale: done, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
