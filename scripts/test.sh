#!/usr/bin/env bash
# `npm test`: type-check, lint, unit + integration tests (real PostgreSQL), browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type-check" && npx tsc --noEmit
echo "== lint" && npx eslint . --max-warnings=0
echo "== vitest" && npx vitest run
echo "== playwright" && npx playwright test
