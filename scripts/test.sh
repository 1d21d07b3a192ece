#!/usr/bin/env bash
# `npm test`: type-check, lint, unit + integration tests (real PostgreSQL), browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type-check" && npx tsc --noEmit
echo "== lint" && npx eslint . --max-warnings=0
# The crash-recovery test drives a real worker process at full tilt; alone, it neither slows
# nor is slowed by the timing-sensitive tests (rate governor, leases).
CRASH_TEST=lib/worker/crash-recovery.test.ts
echo "== vitest" && npx vitest run --exclude "$CRASH_TEST"
echo "== vitest (crash recovery)" && npx vitest run "$CRASH_TEST"
echo "== playwright" && npx playwright test
