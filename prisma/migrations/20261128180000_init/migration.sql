-- Bloombridge initial schema. Mirrors prisma/schema.prisma (checked by lib/db/schema.test.ts).

CREATE TYPE "Role" AS ENUM ('admin', 'editor', 'viewer');
CREATE TYPE "ConnectionStatus" AS ENUM ('active', 'needs_reconnect', 'disconnected');
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'waiting', 'cancelled');

CREATE TABLE "users" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "email" TEXT NOT NULL UNIQUE,
  "name" TEXT,
  "password_hash" TEXT,
  "role" "Role" NOT NULL DEFAULT 'viewer',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "last_login_at" TIMESTAMPTZ(3),
  "disabled_at" TIMESTAMPTZ(3),
  CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email"))
);

CREATE TABLE "login_throttles" (
  "key" TEXT PRIMARY KEY,
  "failures" INTEGER NOT NULL DEFAULT 0,
  "window_start" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "locked_until" TIMESTAMPTZ(3)
);

CREATE TABLE "api_keys" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "prefix" TEXT NOT NULL,
  "hash" TEXT NOT NULL UNIQUE,
  "role" "Role" NOT NULL,
  "created_by_id" UUID REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "last_used_at" TIMESTAMPTZ(3),
  "revoked_at" TIMESTAMPTZ(3)
);

CREATE TABLE "connections" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "provider" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "label" TEXT NOT NULL,
  "status" "ConnectionStatus" NOT NULL DEFAULT 'active',
  "account_id" TEXT,
  "company_id" TEXT,
  "scopes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "secret" TEXT NOT NULL,
  "expires_at" TIMESTAMPTZ(3),
  "last_refreshed_at" TIMESTAMPTZ(3),
  "last_error" TEXT,
  "created_by_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "connections_provider_account_id_idx" ON "connections"("provider", "account_id");

CREATE TABLE "oauth_states" (
  "state" TEXT PRIMARY KEY,
  "provider" TEXT NOT NULL,
  "user_id" UUID NOT NULL,
  "return_to" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "expires_at" TIMESTAMPTZ(3) NOT NULL
);

CREATE TABLE "rate_limit_buckets" (
  "key" TEXT PRIMARY KEY,
  "window_start" TIMESTAMPTZ(3) NOT NULL,
  "window_count" INTEGER NOT NULL DEFAULT 0,
  "window_max" INTEGER NOT NULL,
  "window_ms" INTEGER NOT NULL,
  "day" TEXT NOT NULL,
  "day_count" INTEGER NOT NULL DEFAULT 0,
  "day_max" INTEGER NOT NULL,
  "blocked_until" TIMESTAMPTZ(3),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE TABLE "workflows" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "description" TEXT,
  "draft_graph" JSONB NOT NULL,
  "draft_updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "enabled" BOOLEAN NOT NULL DEFAULT false,
  "published_version_id" UUID UNIQUE,
  "paused_reason" TEXT,
  "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
  "created_by_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE TABLE "workflow_versions" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "workflow_id" UUID NOT NULL REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "version" INTEGER NOT NULL,
  "graph" JSONB NOT NULL,
  "trigger_key" TEXT NOT NULL,
  "note" TEXT,
  "created_by_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "workflow_versions_workflow_id_version_key" UNIQUE ("workflow_id", "version")
);
CREATE INDEX "workflow_versions_trigger_key_idx" ON "workflow_versions"("trigger_key");
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_published_version_id_fkey"
  FOREIGN KEY ("published_version_id") REFERENCES "workflow_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Published versions are immutable: only deletion (with their workflow) is allowed.
CREATE FUNCTION "workflow_versions_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'workflow versions are immutable (version % of workflow %)', OLD."version", OLD."workflow_id";
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "workflow_versions_no_update" BEFORE UPDATE ON "workflow_versions"
  FOR EACH ROW EXECUTE FUNCTION "workflow_versions_immutable"();

CREATE TABLE "trigger_states" (
  "key" TEXT PRIMARY KEY,
  "cursor" TEXT,
  "seen" JSONB NOT NULL DEFAULT '[]',
  "last_polled_at" TIMESTAMPTZ(3),
  "last_error" TEXT,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE TABLE "trigger_events" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "source" TEXT NOT NULL,
  "delivery" TEXT NOT NULL,
  "dedupe_key" TEXT NOT NULL,
  "event_type" TEXT NOT NULL,
  "account_id" TEXT,
  "payload" JSONB NOT NULL,
  "subject_id" TEXT,
  "subject_email" TEXT,
  "subject_name" TEXT,
  "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "processed_at" TIMESTAMPTZ(3),
  CONSTRAINT "trigger_events_source_dedupe_key_key" UNIQUE ("source", "dedupe_key")
);
CREATE INDEX "trigger_events_received_at_idx" ON "trigger_events"("received_at");

CREATE TABLE "runs" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "workflow_id" UUID NOT NULL REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "workflow_version_id" UUID NOT NULL REFERENCES "workflow_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "event_id" UUID NOT NULL REFERENCES "trigger_events"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "status" "RunStatus" NOT NULL DEFAULT 'queued',
  "trigger_key" TEXT NOT NULL,
  "delivery" TEXT NOT NULL,
  "subject_id" TEXT,
  "subject_email" TEXT,
  "subject_name" TEXT,
  "waiting_for" TEXT,
  "wait_until" TIMESTAMPTZ(3),
  "error" JSONB,
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "replay_of_id" UUID,
  "replay_mode" TEXT,
  "lease_until" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "started_at" TIMESTAMPTZ(3),
  "finished_at" TIMESTAMPTZ(3)
);
-- A run is created once per (version, event) however often the event arrives; replays are
-- new runs that point at the run they replay.
CREATE UNIQUE INDEX "runs_version_event_once" ON "runs"("workflow_version_id", "event_id") WHERE "replay_of_id" IS NULL;
CREATE INDEX "runs_workflow_id_created_at_idx" ON "runs"("workflow_id", "created_at" DESC);
CREATE INDEX "runs_status_created_at_idx" ON "runs"("status", "created_at" DESC);
CREATE INDEX "runs_created_at_idx" ON "runs"("created_at" DESC);
CREATE INDEX "runs_subject_email_idx" ON "runs"("subject_email");
CREATE INDEX "runs_subject_id_idx" ON "runs"("subject_id");

CREATE TABLE "step_runs" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "run_id" UUID NOT NULL REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "node_id" TEXT NOT NULL,
  "step_key" TEXT NOT NULL,
  "status" TEXT NOT NULL,
  "input" JSONB,
  "output" JSONB,
  "error" JSONB,
  "calls" JSONB NOT NULL DEFAULT '[]',
  "attempt" INTEGER NOT NULL DEFAULT 1,
  "truncated" BOOLEAN NOT NULL DEFAULT false,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "finished_at" TIMESTAMPTZ(3),
  "duration_ms" INTEGER,
  CONSTRAINT "step_runs_run_id_step_key_key" UNIQUE ("run_id", "step_key")
);

CREATE TABLE "id_map" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "source_system" TEXT NOT NULL,
  "source_type" TEXT NOT NULL,
  "source_id" TEXT NOT NULL,
  "target_system" TEXT NOT NULL,
  "target_type" TEXT NOT NULL,
  "target_id" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "id_map_source_target_key" UNIQUE ("source_system", "source_type", "source_id", "target_system", "target_type")
);
CREATE INDEX "id_map_target_idx" ON "id_map"("target_system", "target_type", "target_id");

CREATE TABLE "audit_log" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "actor_type" TEXT NOT NULL,
  "actor_id" TEXT,
  "action" TEXT NOT NULL,
  "target" TEXT,
  "details" JSONB,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at" DESC);

CREATE TABLE "settings" (
  "key" TEXT PRIMARY KEY,
  "value" JSONB NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
