#!/usr/bin/env bash
# Installs what a fresh machine lacks to build Mesa: pnpm (pinned) and the workspace's
# dependencies. Needs Node.js 20.19+ with npm, python3, make and g++ (better-sqlite3 and the
# journal's mmap binding build from source). Safe to run again: it does nothing already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9   # pnpm 11+ needs Node.js 22; keep equal to "packageManager" in package.json

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("mesa: Node.js 20.19 or newer is needed, found " + process.version); process.exit(1) }'

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "mesa: installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || {
    echo "mesa: could not install pnpm globally; run: npm install -g pnpm@$PNPM_VERSION" >&2
    exit 1
  }
fi

pnpm install --frozen-lockfile --reporter=append-only 2>&1 | grep -Ev '^(Progress|\.\.\./)' || true
test -d node_modules/.pnpm || { echo "mesa: pnpm install failed" >&2; exit 1; }
