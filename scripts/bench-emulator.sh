#!/usr/bin/env bash
# Measures the standalone ADT emulator's throughput for simple twin reads and patches, rate limits off: starts
# AdtEmulatorMain, creates $TWINS twins, then runs two wrk load generators side by side for $DURATION, one sending
# GET /digitaltwins/{id} and one sending JSON Patch PATCH /digitaltwins/{id}, each to random twins.
# Usage: scripts/bench-emulator.sh                       (build the module, then measure)
#        SKIP_BUILD=1 TWINS=2000 DURATION=30s CONNECTIONS=16 scripts/bench-emulator.sh
#        LATENCY=50ms CONNECTIONS=200 scripts/bench-emulator.sh      (injected latency: enough connections to keep
#                                                                     rate x latency requests in flight)
# Needs: JDK 17, curl, wrk (installed with apt-get when missing). The load generator runs on the same machine as
# the emulator and takes part of its CPU.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-18443}
TWINS=${TWINS:-1000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}   # per load generator (reads and patches each)
WRK_THREADS=${WRK_THREADS:-1}    # per load generator
LATENCY=${LATENCY:-}             # the emulator's --latency, e.g. 50ms or 20ms..50ms; empty: none
THREADS=${THREADS:-}             # the emulator's --threads; empty: its default
API="api-version=2023-10-31"
MODEL="dtmi:bench:Pump;1"

say() { echo "bench-emulator: $*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
    say "installing wrk"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null 2>&1 || { say "curl is needed"; exit 1; }

WORK=$(mktemp -d -t twinsync-bench-XXXXXX)
EMULATOR_PID=""
cleanup() {
    if [ -n "$EMULATOR_PID" ]; then
        kill "$EMULATOR_PID" 2>/dev/null || true
        wait "$EMULATOR_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    say "building adt-emulator"
fi
# In one reactor with the modules it needs, so that nothing is installed into ~/.m2: the last module's classpath
# (the emulator's) is what stays in cp.txt. With SKIP_BUILD=1 the modules' target/ folders must be there already.
GOALS="package"; [ "${SKIP_BUILD:-0}" = "1" ] && GOALS=""
# shellcheck disable=SC2086
./mvnw -q -pl adt-emulator -am $GOALS dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
    -Dmdep.outputFile="$WORK/cp.txt" -DincludeScope=runtime
# A private copy of the classes, so that a concurrent build of the module cannot change them under the benchmark.
cp -r adt-emulator/target/classes "$WORK/classes"

EXTRA=()
[ -n "$LATENCY" ] && EXTRA+=(--latency "$LATENCY")
[ -n "$THREADS" ] && EXTRA+=(--threads "$THREADS")
say "starting the emulator on port $PORT (limits off${LATENCY:+, latency $LATENCY}${THREADS:+, $THREADS threads})"
java -Xms512m -Xmx512m -cp "$WORK/classes:$(cat "$WORK/cp.txt")" io.twinsync.emulator.AdtEmulatorMain \
    --port "$PORT" --state-dir "$WORK/state" --limits off "${EXTRA[@]}" >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
for _ in $(seq 1 60); do
    grep -q "endpoint" "$WORK/emulator.log" 2>/dev/null && break
    kill -0 "$EMULATOR_PID" 2>/dev/null || { cat "$WORK/emulator.log" >&2; exit 1; }
    sleep 0.5
done
BASE="https://localhost:$PORT"
CA="$WORK/state/tls/emulator-cert.pem"
CURL=(curl -sS --fail --cacert "$CA" -H "Authorization: Bearer bench")

say "uploading the model and creating $TWINS twins"
"${CURL[@]}" -o /dev/null -X POST -H "Content-Type: application/json" "$BASE/models?$API" --data-binary \
    "[{\"@id\":\"$MODEL\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\",\"contents\":[
      {\"@type\":\"Property\",\"name\":\"serial\",\"schema\":\"string\"},
      {\"@type\":\"Property\",\"name\":\"rpm\",\"schema\":\"double\"}]}]"
# One curl config with a block per twin; "next" resets options, so each block repeats them.
for i in $(seq 1 "$TWINS"); do
    [ "$i" -gt 1 ] && echo "next"
    printf 'url = "%s/digitaltwins/pump-%d?%s"\nrequest = "PUT"\ncacert = "%s"\n' "$BASE" "$i" "$API" "$CA"
    printf 'header = "Authorization: Bearer bench"\nheader = "Content-Type: application/json"\n'
    printf 'output = "/dev/null"\nfail\n'
    printf 'data = "{\\"$metadata\\":{\\"$model\\":\\"%s\\"},\\"serial\\":\\"s-%d\\",\\"rpm\\":%d}"\n' \
        "$MODEL" "$i" "$i"
done >"$WORK/create.curl"
curl --no-progress-meter --parallel --parallel-max 8 -K "$WORK/create.curl"
COUNT=$("${CURL[@]}" "$BASE/digitaltwins/pump-$TWINS?$API" | grep -c "pump-$TWINS" || true)
[ "$COUNT" -ge 1 ] || { say "twin pump-$TWINS was not created"; exit 1; }

cat >"$WORK/reads.lua" <<EOF
local twins = $TWINS
request = function()
    return wrk.format("GET", "/digitaltwins/pump-" .. math.random(twins) .. "?$API",
        { ["Authorization"] = "Bearer bench" })
end
EOF
cat >"$WORK/patches.lua" <<EOF
local twins = $TWINS
local n = 0
request = function()
    n = n + 1
    return wrk.format("PATCH", "/digitaltwins/pump-" .. math.random(twins) .. "?$API",
        { ["Authorization"] = "Bearer bench", ["Content-Type"] = "application/json-patch+json" },
        '[{"op":"add","path":"/rpm","value":' .. n .. '}]')
end
EOF

# A short warm-up lets the JIT compile the request path before the measured run.
say "warming up for 5s"
wrk -t1 -c"$CONNECTIONS" -d5s -s "$WORK/reads.lua" "$BASE" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d5s -s "$WORK/patches.lua" "$BASE" >/dev/null

say "measuring reads and patches side by side for $DURATION ($CONNECTIONS connections each)"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/reads.lua" "$BASE" >"$WORK/reads.txt" &
READS_PID=$!
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/patches.lua" "$BASE" >"$WORK/patches.txt" &
PATCHES_PID=$!
wait "$READS_PID" "$PATCHES_PID"

echo "== GET /digitaltwins/{id} =="
cat "$WORK/reads.txt"
echo "== PATCH /digitaltwins/{id} =="
cat "$WORK/patches.txt"
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
errors() { awk '/Non-2xx/ {n = $5} END {print n + 0}' "$1"; }
READS=$(rate "$WORK/reads.txt")
PATCHES=$(rate "$WORK/patches.txt")
echo "== summary =="
echo "reads/s:   $READS (non-2xx: $(errors "$WORK/reads.txt"))"
echo "patches/s: $PATCHES (non-2xx: $(errors "$WORK/patches.txt"))"
echo "total/s:   $(awk -v a="$READS" -v b="$PATCHES" 'BEGIN {printf "%.0f", a + b}')"
echo "check:     pump-1 after the run: $("${CURL[@]}" "$BASE/digitaltwins/pump-1?$API")"
