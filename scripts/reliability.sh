#!/usr/bin/env bash
# The reliability suite of issue 12 at length: the sync killed at random points (N rounds), a target that fails,
# drops connections, throttles or lags, a target down in the middle of a write, and the three divergences of
# SyncStateIntegrationTests, all through the packaged CLI with standalone emulators in separate processes.
# ./mvnw verify runs the same tests with 1 round and a 10 s outage.
#
# Usage: scripts/reliability.sh [rounds (20)] [outage seconds (30)] [seed (random)]
# Prints the figures for docs/reliability.md (also in orchestrator/target/reliability/), with the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
outage=${2:-30}
export TWINSYNC_RELIABILITY_ROUNDS=$rounds
export TWINSYNC_RELIABILITY_OUTAGE_MS=$((outage * 1000))
if [ -n "${3:-}" ]; then
    export TWINSYNC_RELIABILITY_SEED=$3
fi
rm -rf orchestrator/target/reliability
echo "reliability: $rounds rounds, ${outage} s outage; $(date -u +%FT%TZ); load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
start=$(date +%s)
./mvnw -q -B -ntp -pl orchestrator -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test='ReliabilityIntegrationTests,SyncStateIntegrationTests' -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true
echo "reliability: passed in $(($(date +%s) - start)) s; load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for file in orchestrator/target/reliability/*.md; do
    echo "== $(basename "$file")"
    cat "$file"
done
