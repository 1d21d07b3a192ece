-- Claiming a run in one round trip instead of a six-statement transaction, and handing back
-- what the executor needs next (the event payload and the steps already checkpointed).
-- Same rules as before: a workflow never has more than max_concurrent_runs running with a
-- live lease; the count and the claim happen under a per-workflow advisory lock. PL/pgSQL
-- takes a fresh snapshot per statement, so the count sees every claim committed while this
-- call waited for the lock.
-- Returns NULL when the run is not claimable, {"busy": true} when its workflow is full, or
-- {"run": {...}, "payload": ..., "steps": [...]} (runs.event_id cascades, so the event exists).
CREATE FUNCTION "bloombridge_claim_run"(p_run_id uuid, p_lease_ms integer) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_workflow_id uuid;
  v_max integer;
  v_running integer;
  v_result jsonb;
BEGIN
  SELECT r.workflow_id, w.max_concurrent_runs INTO v_workflow_id, v_max
  FROM runs r JOIN workflows w ON w.id = r.workflow_id
  WHERE r.id = p_run_id AND (r.status IN ('queued', 'waiting') OR (r.status = 'running' AND r.lease_until < now()));
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('run-slots:' || v_workflow_id::text));
  SELECT count(*)::int INTO v_running FROM runs
  WHERE workflow_id = v_workflow_id AND status = 'running' AND lease_until > now() AND id <> p_run_id;
  IF v_running >= v_max THEN
    RETURN jsonb_build_object('busy', true);
  END IF;
  -- clock_timestamp(), not now(): the call may have waited for the lock.
  WITH claimed AS (
    UPDATE runs SET status = 'running', lease_until = clock_timestamp() + p_lease_ms * interval '1 millisecond',
                    started_at = COALESCE(started_at, clock_timestamp()), waiting_for = NULL, wait_until = NULL
    WHERE id = p_run_id
      AND (status IN ('queued', 'waiting') OR (status = 'running' AND lease_until < now()))
      AND NOT (status = 'waiting' AND wait_until IS NOT NULL AND wait_until > now() + interval '1 second')
    RETURNING id, workflow_id, workflow_version_id, event_id, attempts
  )
  SELECT jsonb_build_object(
    'run', jsonb_build_object('id', c.id, 'workflow_id', c.workflow_id, 'workflow_version_id', c.workflow_version_id, 'event_id', c.event_id, 'attempts', c.attempts),
    'payload', e.payload,
    'steps', COALESCE((
      SELECT jsonb_agg(jsonb_build_object('stepKey', s.step_key, 'nodeId', s.node_id, 'status', s.status, 'output', s.output, 'attempt', s.attempt, 'error', s.error))
      FROM step_runs s WHERE s.run_id = c.id), '[]'::jsonb))
  INTO v_result
  FROM claimed c JOIN trigger_events e ON e.id = c.event_id;
  RETURN v_result;
END;
$$;
