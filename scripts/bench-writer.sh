#!/usr/bin/env bash
# The twin writer at ADT's limits (issue 5): against the ADT emulator in the same JVM with ADT's documented rate limits
# and 20-50 ms added to every request, writes $TWINS twins: twinsync's first load, patch run and 1 % steady state;
# the same first load and patch run by a writer shaped like the reference sample (SDK default retries, 50 requests at
# once, no client-side limit, a GET before each write); and twinsync's first load with 5 % of requests answered 503
# and creates throttled at 250/s. Every twin's values are checked after each part.
# Usage: scripts/bench-writer.sh                  (TWINS=50000)
#        SKIP_BUILD=1 TWINS=2000 scripts/bench-writer.sh
# Needs: JDK 17. Prints key: value lines; the staging folders go to a temporary folder, removed at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"
TWINS=${TWINS:-50000}
WORK=$(mktemp -d -t twinsync-bench-writer-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    ./mvnw -q -pl adt-emulator,twin-writer-task,extract,transform,sample-erp-schema -am install -DskipTests
    ./mvnw -q -f bench/pom.xml package -DskipTests
fi
bench_libs "$ROOT" "$WORK"
java -Xmx2g -cp "$WORK/lib/*" io.twinsync.bench.WriterBenchmark run "$TWINS" "$WORK/staging" 2>"$WORK/log.txt" \
    || { tail -20 "$WORK/log.txt" >&2; exit 1; }
