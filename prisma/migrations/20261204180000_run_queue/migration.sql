-- The runs table is the run queue (issue #11): a run is claimable when it is queued or waiting
-- and its due_at has come, or when it is running with an expired lease (its worker died).
-- Workers claim many at once with FOR UPDATE SKIP LOCKED and are woken by NOTIFY, so a run
-- starts milliseconds after it is committed instead of after two polled pg-boss hops.

ALTER TABLE "runs" ADD COLUMN "due_at" TIMESTAMPTZ(3) DEFAULT now();
-- Runs queued or parked before this migration keep their place (their pg-boss jobs are gone).
UPDATE "runs" SET "due_at" = CASE
    WHEN "status" = 'waiting' AND "waiting_for" LIKE 'reconnect:%' THEN NULL
    ELSE COALESCE("wait_until", "created_at") END
  WHERE "status" IN ('queued', 'waiting');
UPDATE "runs" SET "due_at" = NULL WHERE "status" NOT IN ('queued', 'waiting');

CREATE INDEX "runs_due_idx" ON "runs" ("due_at") WHERE "status" IN ('queued', 'waiting') AND "due_at" IS NOT NULL;
CREATE INDEX "runs_running_idx" ON "runs" ("workflow_id", "lease_until") WHERE "status" = 'running';

-- Ingest routes an event to the published versions listening for it in the same statement
-- that stores it; a trigger bound to a connection takes only that connection's account.
ALTER TABLE "workflow_versions" ADD COLUMN "trigger_connection_id" UUID;
UPDATE "workflow_versions" v SET "trigger_connection_id" = (
    SELECT (n->>'connectionId')::uuid FROM jsonb_array_elements(v."graph"->'nodes') n
    WHERE n->>'kind' = 'trigger' AND n->>'connectionId' ~ '^[0-9a-fA-F-]{36}$' LIMIT 1);

-- A fast workflow is not capped at 10 runs in flight by default; the range stays 1–100.
ALTER TABLE "workflows" ALTER COLUMN "max_concurrent_runs" SET DEFAULT 100;

-- Any statement that adds runs wakes the workers (delivered at commit, to every listener).
CREATE FUNCTION "runs_notify_inserted"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('bloombridge_runs', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "runs_notify_inserted" AFTER INSERT ON "runs" FOR EACH STATEMENT EXECUTE FUNCTION "runs_notify_inserted"();

-- Claims up to p_limit due runs (oldest first) and expired leases, respecting each workflow's
-- max_concurrent_runs across workers (per-workflow advisory lock, as bloombridge_claim_run);
-- runs over a limit are deferred by p_defer_ms. Returns one row per claimed run with the trigger
-- payload and earlier steps, then {"deferred": n} when it deferred any (the caller retries then). The candidates are locked by an earlier statement than the one
-- that reads their steps, so a checkpoint that committed before the lock is always seen (one
-- still in flight holds the row FOR SHARE and makes SKIP LOCKED pass the run by).
CREATE FUNCTION "bloombridge_claim_runs"(p_limit integer, p_lease_ms integer, p_defer_ms integer) RETURNS SETOF jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_ids uuid[];
  v_expired uuid[];
  v_group record;
  v_running integer;
  v_take uuid[];
  v_deferred integer := 0;
BEGIN
  SELECT array_agg(id) INTO v_ids FROM (
    SELECT id FROM runs WHERE status IN ('queued', 'waiting') AND due_at <= now()
    ORDER BY due_at LIMIT p_limit FOR UPDATE SKIP LOCKED) due;
  IF COALESCE(cardinality(v_ids), 0) < p_limit THEN
    SELECT array_agg(id) INTO v_expired FROM (
      SELECT id FROM runs WHERE status = 'running' AND lease_until < now()
      LIMIT p_limit - COALESCE(cardinality(v_ids), 0) FOR UPDATE SKIP LOCKED) expired;
    v_ids := COALESCE(v_ids, '{}') || COALESCE(v_expired, '{}');
  END IF;
  IF COALESCE(cardinality(v_ids), 0) = 0 THEN
    RETURN;
  END IF;
  FOR v_group IN
    SELECT r.workflow_id, w.max_concurrent_runs AS max_runs, array_agg(r.id ORDER BY r.due_at NULLS LAST) AS ids
    FROM runs r JOIN workflows w ON w.id = r.workflow_id
    WHERE r.id = ANY(v_ids) GROUP BY r.workflow_id, w.max_concurrent_runs ORDER BY r.workflow_id
  LOOP
    PERFORM pg_advisory_xact_lock(hashtext('run-slots:' || v_group.workflow_id::text));
    SELECT count(*)::int INTO v_running FROM runs
    WHERE workflow_id = v_group.workflow_id AND status = 'running' AND lease_until > now() AND NOT (id = ANY(v_group.ids));
    v_take := v_group.ids[1:GREATEST(v_group.max_runs - v_running, 0)];
    IF cardinality(v_take) < cardinality(v_group.ids) THEN
      -- An expired lease deferred here is fenced too: its old holder may only be stalled.
      UPDATE runs SET due_at = clock_timestamp() + p_defer_ms * interval '1 millisecond',
                      claim_id = CASE WHEN status = 'running' THEN gen_random_uuid() ELSE claim_id END,
                      status = CASE WHEN status = 'running' THEN 'queued'::"RunStatus" ELSE status END
      WHERE id = ANY(v_group.ids) AND NOT (id = ANY(v_take));
      v_deferred := v_deferred + cardinality(v_group.ids) - cardinality(v_take);
    END IF;
    IF cardinality(v_take) > 0 THEN
      RETURN QUERY
        WITH claimed AS (
          UPDATE runs SET status = 'running', lease_until = clock_timestamp() + p_lease_ms * interval '1 millisecond',
                          claim_id = gen_random_uuid(), started_at = COALESCE(started_at, clock_timestamp()),
                          waiting_for = NULL, wait_until = NULL, due_at = NULL
          WHERE id = ANY(v_take)
          RETURNING id, workflow_id, workflow_version_id, event_id, attempts, claim_id)
        SELECT jsonb_build_object(
          'run', jsonb_build_object('id', c.id, 'workflow_id', c.workflow_id, 'workflow_version_id', c.workflow_version_id,
                                    'event_id', c.event_id, 'attempts', c.attempts, 'claim_id', c.claim_id),
          'payload', e.payload,
          'steps', COALESCE((
            SELECT jsonb_agg(jsonb_build_object('stepKey', s.step_key, 'nodeId', s.node_id, 'status', s.status, 'output', s.output, 'attempt', s.attempt, 'error', s.error))
            FROM step_runs s WHERE s.run_id = c.id), '[]'::jsonb))
        FROM claimed c JOIN trigger_events e ON e.id = c.event_id;
    END IF;
  END LOOP;
  IF v_deferred > 0 THEN
    RETURN NEXT jsonb_build_object('deferred', v_deferred);
  END IF;
END;
$$;

-- The single-run claim (tests, "run this one now") also clears due_at, and locks the run row
-- before the workflow's advisory lock, the order the batch claim takes them in.
CREATE OR REPLACE FUNCTION "bloombridge_claim_run"(p_run_id uuid, p_lease_ms integer) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_workflow_id uuid;
  v_max integer;
  v_running integer;
  v_run runs%ROWTYPE;
BEGIN
  SELECT r.workflow_id, w.max_concurrent_runs INTO v_workflow_id, v_max
  FROM runs r JOIN workflows w ON w.id = r.workflow_id
  WHERE r.id = p_run_id AND (r.status IN ('queued', 'waiting') OR (r.status = 'running' AND r.lease_until < now()))
  FOR UPDATE OF r;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('run-slots:' || v_workflow_id::text));
  SELECT count(*)::int INTO v_running FROM runs
  WHERE workflow_id = v_workflow_id AND status = 'running' AND lease_until > now() AND id <> p_run_id;
  IF v_running >= v_max THEN
    RETURN jsonb_build_object('busy', true);
  END IF;
  UPDATE runs SET status = 'running', lease_until = clock_timestamp() + p_lease_ms * interval '1 millisecond', claim_id = gen_random_uuid(),
                  started_at = COALESCE(started_at, clock_timestamp()), waiting_for = NULL, wait_until = NULL, due_at = NULL
  WHERE id = p_run_id
    AND (status IN ('queued', 'waiting') OR (status = 'running' AND lease_until < now()))
    AND NOT (status = 'waiting' AND wait_until IS NOT NULL AND wait_until > now() + interval '1 second')
  RETURNING * INTO v_run;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  RETURN jsonb_build_object(
    'run', jsonb_build_object('id', v_run.id, 'workflow_id', v_run.workflow_id, 'workflow_version_id', v_run.workflow_version_id,
                              'event_id', v_run.event_id, 'attempts', v_run.attempts, 'claim_id', v_run.claim_id),
    'payload', (SELECT e.payload FROM trigger_events e WHERE e.id = v_run.event_id),
    'steps', COALESCE((
      SELECT jsonb_agg(jsonb_build_object('stepKey', s.step_key, 'nodeId', s.node_id, 'status', s.status, 'output', s.output, 'attempt', s.attempt, 'error', s.error))
      FROM step_runs s WHERE s.run_id = v_run.id), '[]'::jsonb));
END;
$$;
