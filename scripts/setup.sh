#!/usr/bin/env bash
# Installs what a fresh machine lacks to build Mesa: pnpm (pinned) and the workspace's
# dependencies. Needs Node.js 20.19+ with npm, python3, make and g++ (better-sqlite3 builds
# from source where no prebuilt binary can be downloaded). Safe to run again: it does nothing
# already done. Each step says what it does and, when done, how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/steps.sh

PNPM_VERSION=10.34.9   # pnpm 11+ needs Node.js 22; keep equal to "packageManager" in package.json

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("mesa: Node.js 20.19 or newer is needed, found " + process.version); process.exit(1) }'

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  step "installing pnpm $PNPM_VERSION with npm"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || {
    echo "mesa: could not install pnpm globally; run: npm install -g pnpm@$PNPM_VERSION" >&2
    exit 1
  }
  step_done "pnpm $PNPM_VERSION installed"
fi

step "installing dependencies with pnpm"
if [ ! -e node_modules/.modules.yaml ]; then   # pnpm writes it once it has installed
  say "  a first install can take a few minutes: where no prebuilt binary can be downloaded,"
  say "  better-sqlite3 (the SQLite driver) compiles SQLite from source, and its install script"
  say "  shows no output while it does; that is normal"
fi
if [ -t 1 ]; then
  # A person is watching: pnpm's own live progress (packages, then each build script running).
  pnpm install --frozen-lockfile
else
  # A log file or CI: pnpm's progress lines, without the hundred lines a compiler writes; the
  # whole output is kept and shown if the install fails.
  log=$(mktemp "${TMPDIR:-/tmp}/mesa-install.XXXXXX")
  trap 'rm -f "$log"' EXIT
  if ! pnpm install --frozen-lockfile --reporter=append-only 2>&1 | tee "$log" |
    awk '!/^\.\.\.\/[^ ]+ [a-z]*install: / || / (Done|Failed)/' ; then
    echo "mesa: pnpm install failed; its last lines:" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
fi
test -d node_modules/.pnpm || { echo "mesa: pnpm install failed" >&2; exit 1; }
step_done "dependencies installed"
