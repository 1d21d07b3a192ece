-- Backfills: a resumable job that replays existing GHL contacts into one workflow.
CREATE TYPE "BackfillStatus" AS ENUM ('queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled');

CREATE TABLE "backfills" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "workflow_id" UUID NOT NULL REFERENCES "workflows"("id") ON DELETE CASCADE,
  "connection_id" UUID NOT NULL REFERENCES "connections"("id") ON DELETE CASCADE,
  "scope" JSONB NOT NULL DEFAULT '{}',
  "status" "BackfillStatus" NOT NULL DEFAULT 'queued',
  -- The contacts search's `searchAfter` of the last checkpointed contact; null before the first page.
  "cursor" JSONB,
  "total" INTEGER,
  "done" INTEGER NOT NULL DEFAULT 0,
  "failed" INTEGER NOT NULL DEFAULT 0,
  "started_at" TIMESTAMPTZ(3),
  -- Start of the current running stretch and `done` at that moment: the ETA's observed rate.
  "resumed_at" TIMESTAMPTZ(3),
  "done_at_resume" INTEGER NOT NULL DEFAULT 0,
  "finished_at" TIMESTAMPTZ(3),
  "error" TEXT,
  "created_by_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "backfills_created_at_idx" ON "backfills"("created_at" DESC);
CREATE INDEX "backfills_workflow_id_idx" ON "backfills"("workflow_id");

-- A backfill's result summary counts the runs of its events by dedupe-key prefix.
CREATE INDEX "trigger_events_backfill_key_idx" ON "trigger_events" ("dedupe_key" text_pattern_ops) WHERE "delivery" = 'backfill';
