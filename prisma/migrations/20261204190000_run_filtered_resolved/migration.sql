-- A run that a filter stopped ends as "filtered", not "succeeded" (issue #13): it synced nothing.
-- (The new value is only used by later transactions, as ALTER TYPE … ADD VALUE requires.)
ALTER TYPE "RunStatus" ADD VALUE IF NOT EXISTS 'filtered' AFTER 'succeeded';

-- A failed run that a replay fixed points at that replay; bulk replay leaves it out by default.
ALTER TABLE "runs" ADD COLUMN "resolved_by_id" UUID REFERENCES "runs"("id") ON DELETE SET NULL;
CREATE INDEX "runs_resolved_by_id_idx" ON "runs" ("resolved_by_id") WHERE "resolved_by_id" IS NOT NULL;
