-- Each claim of a run gets a fresh id; a worker's checkpoints, lease renewals and finish only
-- count while its claim is the current one, so a stalled worker whose run was re-claimed
-- cannot write over the new owner.
ALTER TABLE "runs" ADD COLUMN "claim_id" UUID;
