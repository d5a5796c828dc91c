#!/usr/bin/env bash
# Installs Chromium from the Debian packages when it is missing, for the tests that open report.html in a headless
# browser (ReportInBrowserIntegrationTests). Idempotent: does nothing when `chromium` is on the PATH. Needs root
# (.ci/run runs as root); on a laptop without it those tests skip.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-chromium.sh: chromium is missing and installing it needs root; run: sudo $0" >&2
    exit 1
fi
echo "install-chromium.sh: installing chromium from the Debian packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
command -v chromium >/dev/null
