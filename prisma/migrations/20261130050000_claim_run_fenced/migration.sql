-- The one-round-trip claim (20261130041500) also fences the claim (20261130041742): every
-- claim sets a fresh claim_id and hands it back, so only its holder can renew, checkpoint,
-- park or finish the run.
-- The claim and the read of earlier steps are separate statements on purpose: a checkpoint
-- holds the run row FOR SHARE, so the claiming UPDATE waits for it to commit; only a new
-- statement (a new snapshot) then sees that checkpoint.
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
  UPDATE runs SET status = 'running', lease_until = clock_timestamp() + p_lease_ms * interval '1 millisecond', claim_id = gen_random_uuid(),
                  started_at = COALESCE(started_at, clock_timestamp()), waiting_for = NULL, wait_until = NULL
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
