-- Key rotation re-encrypts the secrets typed into steps (lib/services/key-rotation.ts), published
-- versions included. A version stays immutable, except that a transaction which sets
-- bloombridge.reseal_secrets may rewrite its graph, and nothing else.
CREATE OR REPLACE FUNCTION "workflow_versions_immutable"() RETURNS trigger AS $$
BEGIN
  IF current_setting('bloombridge.reseal_secrets', true) = 'on' AND to_jsonb(NEW) - 'graph' = to_jsonb(OLD) - 'graph' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'workflow versions are immutable (version % of workflow %)', OLD."version", OLD."workflow_id";
END;
$$ LANGUAGE plpgsql;
