-- The rate governor keeps the grant times of the last window (a sliding log), so it never
-- exceeds the API's limit whatever the API's own window boundaries are.
ALTER TABLE "rate_limit_buckets" ADD COLUMN "recent" TIMESTAMPTZ(3)[] NOT NULL DEFAULT '{}';
