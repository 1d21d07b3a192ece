-- Task, note and appointment events name only their contact's id: ingest fills the contact's
-- email and name in from the latest earlier event that knew them (issue #13), by this index.
CREATE INDEX "trigger_events_known_subject_idx" ON "trigger_events" ("source", "subject_id", "received_at" DESC)
  WHERE "subject_email" IS NOT NULL OR "subject_name" IS NOT NULL;
