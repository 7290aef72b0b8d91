#!/usr/bin/env bash
# Quick start: install everything, build, and run Mesa on http://localhost:3000 with its
# embedded SQLite database under ./data (created, migrated and seeded on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
pnpm build
exec pnpm start
