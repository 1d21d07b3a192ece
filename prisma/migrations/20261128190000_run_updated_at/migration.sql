-- Live run lists ask "what changed since T": every change to a run bumps updated_at.
ALTER TABLE "runs" ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now();
CREATE INDEX "runs_updated_at_idx" ON "runs"("updated_at" DESC);

CREATE FUNCTION "runs_touch_updated_at"() RETURNS trigger AS $$
BEGIN
  NEW."updated_at" := now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "runs_touch" BEFORE UPDATE ON "runs" FOR EACH ROW EXECUTE FUNCTION "runs_touch_updated_at"();
