#!/usr/bin/env bash
# Quick start: install everything, build, and run Mesa on http://localhost:3000 with its
# embedded SQLite database under ./data (created, migrated and seeded on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/steps.sh
bash scripts/setup.sh
step "building the web app and the server"
# Quiet unless something is wrong: warnings and errors still print.
pnpm -s build
step_done "built"
say "starting Mesa"
# Mesa's own process replaces this shell (not `pnpm start`, whose pnpm would take the signal and
# leave Mesa running): a SIGTERM or Ctrl-C reaches it and it shuts down gracefully.
exec node apps/server/dist/main.js
