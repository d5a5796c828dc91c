#!/usr/bin/env bash
# Starts Azurite's Blob service on 127.0.0.1:10000 for the tests that need Blob Storage, installing the pinned
# version on first use. Idempotent: does nothing when something already listens there.
# Usage: scripts/start-azurite.sh            (data in a temporary folder, log in $AZURITE_DIR/azurite.log)
set -euo pipefail
AZURITE_VERSION=3.35.0   # 3.35.0 is the last release that runs on Node 20 (see ../shared/ADT-FACTS.md section 7)
AZURITE_DIR=${AZURITE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/twinsync/azurite-$AZURITE_VERSION}

listening() { (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; }
if listening; then
    echo "start-azurite: something already listens on 127.0.0.1:10000; using it" >&2
    exit 0
fi
if ! command -v node >/dev/null 2>&1; then
    echo "start-azurite: Node.js is needed for Azurite; install Node 20 (e.g. apt-get install nodejs npm)" >&2
    exit 1
fi
if [ ! -x "$AZURITE_DIR/node_modules/.bin/azurite-blob" ]; then
    echo "start-azurite: installing azurite@$AZURITE_VERSION into $AZURITE_DIR" >&2
    mkdir -p "$AZURITE_DIR"
    npm install --prefix "$AZURITE_DIR" --no-audit --no-fund --silent "azurite@$AZURITE_VERSION" >&2
fi
DATA=$(mktemp -d -t twinsync-azurite-XXXXXX)
nohup "$AZURITE_DIR/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort 10000 --location "$DATA" \
    --silent --skipApiVersionCheck --disableTelemetry >"$AZURITE_DIR/azurite.log" 2>&1 &
for _ in $(seq 1 30); do
    listening && { echo "start-azurite: Azurite Blob listening on 127.0.0.1:10000 (data in $DATA)" >&2; exit 0; }
    sleep 1
done
echo "start-azurite: Azurite did not start; see $AZURITE_DIR/azurite.log" >&2
exit 1
