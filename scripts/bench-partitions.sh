#!/usr/bin/env bash
# The write's partitions through the CLI, as a user runs it (issue 13): the same generated source written with
# 1, 2 and 4 partitions, as threads of the run (one rate limiter) and as processes of the packaged task (each 1/N of the
# budget; from the task zip when it is built), each a first load into an empty standalone emulator and then a patch
# run of every row, against ADT's limits with 20-50 ms added to every request. Threads with `--partitions 1` is the
# single writer. Prints one line per run: time, requests, 429s, requests per write (a twin or relationship created or
# patched), and the write rate against the service's limit.
# Usage: scripts/bench-partitions.sh       (MACHINES=5000, PARTITIONS="1 2 4", BACKENDS="threads processes",
#                                            LATENCY=20ms..50ms)
#        MACHINES=2000 PARTITIONS="1 4" BACKENDS=threads scripts/bench-partitions.sh
# Needs: JDK 17, a local PostgreSQL (127.0.0.1:5432, user postgres, database test) and psql. Work goes to a temporary
# folder and a throw-away schema, both removed at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MACHINES=${MACHINES:-5000}
PARTITIONS=${PARTITIONS:-"1 2 4"}
BACKENDS=${BACKENDS:-"threads processes"}
TASK_ZIP=${TASK_ZIP:-$ROOT/twin-writer-task/target/twin-writer-task-linux-x64.zip}
LATENCY=${LATENCY:-20ms..50ms}   # added to every request by the emulator; "none" for none
LINES=1000
WORK=$(mktemp -d -t twinsync-bench-partitions-XXXXXX)
SCHEMA=bench_partitions_$$
PG="psql -q -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1"
EMULATOR=
cleanup() {
    [ -n "$EMULATOR" ] && kill "$EMULATOR" 2>/dev/null && wait "$EMULATOR" 2>/dev/null
    $PG -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
[ "${SKIP_BUILD:-0}" = "1" ] || ./mvnw -q -B -ntp -pl orchestrator -am package -DskipTests
cp orchestrator/target/twinsync.jar "$WORK/twinsync.jar"   # a private copy: a build meanwhile cannot change it
cp -r bench/src/main/resources/io/twinsync/bench "$WORK/mapping"

$PG <<SQL
CREATE SCHEMA $SCHEMA;
SET search_path TO $SCHEMA;
CREATE TABLE Line (LineId INT PRIMARY KEY, LineCode VARCHAR(20) NOT NULL, Name VARCHAR(100) NOT NULL,
  ModifiedAt TIMESTAMP NOT NULL);
CREATE TABLE Machine (MachineId BIGINT PRIMARY KEY, AssetTag VARCHAR(20) NOT NULL, Name VARCHAR(100) NOT NULL,
  Manufacturer VARCHAR(60), SerialNumber VARCHAR(40), Status VARCHAR(20) NOT NULL, IsCritical BOOLEAN NOT NULL,
  RatedPowerKw DOUBLE PRECISION, RunHours INT, InstalledOn DATE, ModifiedAt TIMESTAMP NOT NULL,
  LineId INT NOT NULL REFERENCES Line (LineId));
INSERT INTO Line SELECT x, 'L' || LPAD(x::text, 4, '0'), 'Line ' || x, TIMESTAMP '2026-01-01' + x * INTERVAL '1 second'
  FROM generate_series(1, $LINES) x;
INSERT INTO Machine SELECT x, 'M' || LPAD(x::text, 7, '0'), 'Machine ' || x, 'Siemens', 'SN-' || x, 'Running',
  x % 7 = 0, (x % 5000)::float8 / 8 + 0.5, x % 100000, DATE '2026-01-01' - (x % 3650)::int,
  TIMESTAMP '2026-11-01' - x * INTERVAL '1 second', (x % $LINES) + 1 FROM generate_series(1, $MACHINES) x;
ANALYZE;
SQL

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start_emulator() {   # an empty emulator at ADT's limits, 20-50 ms per request, in its own process
    rm -rf "$WORK/adt"
    local latency=()
    [ "$LATENCY" = "none" ] || latency=(--latency "$LATENCY")
    TWINSYNC_HOME="$WORK/adt" java -jar "$WORK/twinsync.jar" emulator --port "$PORT" "${latency[@]}" \
        >"$WORK/emulator.log" 2>&1 &
    EMULATOR=$!
    for _ in $(seq 1 120); do grep -q "Press Ctrl-C" "$WORK/emulator.log" 2>/dev/null && return; sleep 0.5; done
    echo "the emulator did not start:" >&2; cat "$WORK/emulator.log" >&2; exit 1
}
stop_emulator() { kill "$EMULATOR"; wait "$EMULATOR" 2>/dev/null || true; EMULATOR=; }

# run <label> <home> <partitions> <requests per second the service allows for this run's writes> <backend>
run() {
    local label=$1 home=$2 partitions=$3 limit=$4 backend=$5 start end out
    local zip=()
    [ "$backend" = "processes" ] && [ -f "$TASK_ZIP" ] && zip=(TWINSYNC_WRITER_TASK_ZIP="$TASK_ZIP")
    start=$(date +%s.%N)
    out=$(env "${zip[@]}" TWINSYNC_WRITER_BACKEND="$backend" TWINSYNC_HOME="$home" \
        TWINSYNC_MAPPING="$WORK/mapping/mapping.yaml" \
        TWINSYNC_SOURCE_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
        TWINSYNC_SOURCE_USERNAME=postgres TWINSYNC_TARGET_ENDPOINT="https://localhost:$PORT" \
        TWINSYNC_TARGET_TRUST_CERTIFICATE="$WORK/adt/adt-emulator/tls/emulator-cert.pem" \
        java -jar "$WORK/twinsync.jar" run --partitions "$partitions") || { echo "$out" >&2; exit 1; }
    end=$(date +%s.%N)
    python3 - "$label" "$partitions" "$start" "$end" "$limit" "$out" "$backend" <<'PY'
import re, sys
label, partitions, start, end, limit, out, backend = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6], sys.argv[7]
twins = [int(x.replace(",", "")) for x in re.search(r"twins +([\d,]+) created, ([\d,]+) patched, ([\d,]+) unchanged", out).groups()]
rels = [int(x.replace(",", "")) for x in re.search(r"relationships +([\d,]+) created, ([\d,]+) patched", out).groups()]
req, retried, throttled, write_s = re.search(r"requests +([\d,]+) sent, ([\d,]+) retried, ([\d,]+) throttled, in ([\d.]+) s", out).groups()
req, throttled, write_s = int(req.replace(",", "")), int(throttled.replace(",", "")), float(write_s)
writes = twins[0] + twins[1] + rels[0] + rels[1]
result = re.search(r"result +(\w+)", out).group(1)
print(f"{label:<11} {backend:<9} partitions {partitions}: wall {end - start:6.1f} s, write {write_s:6.1f} s, {writes:,} writes,"
      f" {req:,} requests ({req / max(1, writes):.3f} per write), {throttled} throttled"
      f" ({100.0 * throttled / max(1, req):.2f} %), {writes / write_s:,.0f} writes/s = {100 * writes / write_s / limit:.1f} %"
      f" of {limit:,.0f}/s, {result}")
PY
}

echo "bench-partitions: $MACHINES machines + $LINES lines, latency $LATENCY, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
[ -f "$TASK_ZIP" ] && echo "processes run the task from $TASK_ZIP" || echo "processes run the task from twinsync.jar"
for backend in $BACKENDS; do
    for p in $PARTITIONS; do
        start_emulator
        home="$WORK/home-$backend-$p"
        run "first load" "$home" "$p" 500 "$backend"      # creates and deletes: 500/s
        $PG -c "UPDATE $SCHEMA.Machine SET Name = Name || ' v2', ModifiedAt = LOCALTIMESTAMP" >/dev/null
        run "patch run" "$home" "$p" 1000 "$backend"      # patches: 1,000/s
        $PG -c "UPDATE $SCHEMA.Machine SET Name = 'Machine ' || MachineId,
            ModifiedAt = TIMESTAMP '2026-11-01' - MachineId * INTERVAL '1 second'" >/dev/null
        stop_emulator
    done
done
echo "bench-partitions: done, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
