#!/usr/bin/env bash
# The one test command: typecheck, lint, format, unit tests, integration tests (SQLite and
# PostgreSQL), and browser tests against the built app. It installs and starts what it needs
# first (scripts/setup.sh, scripts/services.sh) and fails loudly when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s ==\n' "$1"; }

step "install";            bash scripts/setup.sh
step "services";           bash scripts/services.sh
step "typecheck";          pnpm -s typecheck
step "lint";               pnpm -s lint
step "format";             pnpm -s format:check
step "build";              pnpm -s build
step "unit tests";         pnpm -s exec vitest run --project shared --project editor --project server --project bench --project web --project lint
step "integration tests";  pnpm -s exec vitest run --project integration
step "browser tests";      pnpm -s exec vitest run --project e2e
