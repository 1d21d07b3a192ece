-- One row per alert channel attempt (or per failure folded into a digest), so the settings
-- page can show recent deliveries and the cooldown can tell when the last alert went out.
CREATE TABLE "alert_deliveries" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "kind" TEXT NOT NULL,
  "workflow_id" UUID,
  "run_id" UUID,
  "channel" TEXT NOT NULL,
  "target" TEXT,
  "status" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "error" TEXT,
  "failed_runs" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "alert_deliveries_created_at_idx" ON "alert_deliveries"("created_at" DESC);
CREATE INDEX "alert_deliveries_workflow_id_created_at_idx" ON "alert_deliveries"("workflow_id", "created_at" DESC);
-- A run's alert is sent once, whichever worker picks the job up (and however often).
CREATE UNIQUE INDEX "alert_deliveries_run_once" ON "alert_deliveries"("run_id", "kind", "channel") WHERE "run_id" IS NOT NULL;

-- At most this many runs of a workflow execute at once (across all workers); others wait their turn.
ALTER TABLE "workflows" ADD COLUMN "max_concurrent_runs" INTEGER NOT NULL DEFAULT 10;
