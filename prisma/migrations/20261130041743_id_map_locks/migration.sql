-- Short-lived reservations of an ID-map source while a run looks up, creates and links its
-- target record, so concurrent runs for the same source create that record once.
CREATE TABLE "id_map_locks" (
  "key" TEXT NOT NULL,
  "holder" UUID NOT NULL,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "id_map_locks_pkey" PRIMARY KEY ("key")
);
