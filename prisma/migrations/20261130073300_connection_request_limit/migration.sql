-- How many requests to a connection may be in flight at once, across all workers; NULL means
-- the provider's default (lib/engine/connection-slots.ts).
ALTER TABLE "connections" ADD COLUMN "max_concurrent_requests" INTEGER;
ALTER TABLE "connections" ADD CONSTRAINT "connections_max_concurrent_requests_range"
  CHECK ("max_concurrent_requests" IS NULL OR "max_concurrent_requests" BETWEEN 1 AND 50);

-- A live row is a request in flight; an expired lease (its worker died) is free to take over.
CREATE TABLE "connection_slots" (
  "connection_id" UUID NOT NULL,
  "slot" INTEGER NOT NULL,
  "holder" TEXT NOT NULL,
  "lease_until" TIMESTAMPTZ(3) NOT NULL,
  "acquired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "connection_slots_pkey" PRIMARY KEY ("connection_id", "slot"),
  CONSTRAINT "connection_slots_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

ALTER TABLE "workflows" ADD CONSTRAINT "workflows_max_concurrent_runs_range" CHECK ("max_concurrent_runs" BETWEEN 1 AND 100);
