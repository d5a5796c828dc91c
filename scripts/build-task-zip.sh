#!/usr/bin/env bash
# Builds the twin writer task as one self-contained Linux x64 zip for Azure Batch (a Data Factory Custom Activity):
# twin-writer-task/bin/twin-writer-task (the launcher, run under /bin/sh -c), conf/, lib/ and jre/ (a Java runtime cut
# to the task's modules with jlink, so the Batch node needs no Java).
# Usage: scripts/build-task-zip.sh [output folder, default dist/]
# Needs: a JDK 17 with its jmods folder (jlink). Prints the zip's path.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/dist}
cd "$ROOT"
java_home=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}')
if [ ! -d "${JAVA_HOME:-$java_home}/jmods" ]; then
    echo "build-task-zip: ${JAVA_HOME:-$java_home} has no jmods folder, which jlink needs to cut the zip's Java" \
        "runtime; use a JDK that ships them (Temurin does; on Debian install openjdk-17-jmods)" >&2
    exit 1
fi
./mvnw -q -B -pl twin-writer-task -am package -DskipTests
mkdir -p "$OUT"
cp twin-writer-task/target/twin-writer-task-linux-x64.zip "$OUT/"
echo "$OUT/twin-writer-task-linux-x64.zip"
