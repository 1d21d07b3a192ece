-- Sample data per workflow step for the field mapper: the trigger's last test event and
-- each step's last test output, kept across page loads (like n8n's pinned data).
CREATE TABLE "workflow_samples" (
    "workflow_id" UUID NOT NULL,
    "node_id" TEXT NOT NULL,
    "sample" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "captured_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_samples_pkey" PRIMARY KEY ("workflow_id", "node_id"),
    CONSTRAINT "workflow_samples_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
