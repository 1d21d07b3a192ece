#!/usr/bin/env bash
# The server Playwright drives: `npm start` with a throwaway data dir and its own ports.
set -euo pipefail
cd "$(dirname "$0")/.."
export BLOOMBRIDGE_DATA_DIR="${BLOOMBRIDGE_DATA_DIR:-.data/e2e}"
rm -rf "$BLOOMBRIDGE_DATA_DIR"
export GHL_SANDBOX_PORT="${GHL_SANDBOX_PORT:-4110}"
export DF_SANDBOX_PORT="${DF_SANDBOX_PORT:-4120}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
# Journeys receive webhooks (alerts) on a local server; only that loopback literal is let through.
export BLOOMBRIDGE_WEBHOOK_ALLOW_HOSTS="${BLOOMBRIDGE_WEBHOOK_ALLOW_HOSTS:-127.0.0.1}"
# Journeys watch runs fail after their retries: a few seconds, not the default half hour.
export BLOOMBRIDGE_RETRIES="${BLOOMBRIDGE_RETRIES:-3}"
export BLOOMBRIDGE_RETRY_BACKOFF_MS="${BLOOMBRIDGE_RETRY_BACKOFF_MS:-1000}"
exec node --import tsx scripts/start.ts
