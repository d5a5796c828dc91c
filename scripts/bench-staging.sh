#!/usr/bin/env bash
# Staging in a local folder against staging in Blob Storage (Azurite on 127.0.0.1:10000, started if needed), side
# by side in one run: $TWINS twin files staged as transform stages them, then twinsync's writer (first load and patch
# run) reading them, against the ADT emulator with ADT's limits and 20-50 ms per request.
# Usage: scripts/bench-staging.sh                  (TWINS=50000)
#        SKIP_BUILD=1 TWINS=2000 scripts/bench-staging.sh
# Needs: JDK 17, Node.js for Azurite. Prints key: value lines. Azurite runs on this machine's cores too, so the Blob
# figures are a floor for what a real storage account gives.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"
TWINS=${TWINS:-50000}
WORK=$(mktemp -d -t twinsync-bench-staging-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
scripts/start-azurite.sh
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    ./mvnw -q -pl adt-emulator,twin-writer-task,extract,transform,sample-erp-schema -am install -DskipTests
    ./mvnw -q -f bench/pom.xml package -DskipTests
fi
bench_libs "$ROOT" "$WORK"
# Azurite's published development account (its key is public, see ../shared/ADT-FACTS.md section 7)
export TWINSYNC_STAGING_CONNECTION_STRING="UseDevelopmentStorage=true"
java -Xmx2g -cp "$WORK/lib/*" io.twinsync.bench.WriterBenchmark staging "$TWINS" "$WORK/staging" \
    http://127.0.0.1:10000/devstoreaccount1 "bench-staging-$(date +%s)" 2>"$WORK/log.txt" \
    || { tail -20 "$WORK/log.txt" >&2; exit 1; }
