import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { seedWorkflow } from "@/lib/services/run-test-seed";
import { countBulkReplay } from "./replay";

afterAll(disconnectDb);

describe("bulk replay count", () => {
  it("counts only the runs the mode can replay, within the filter", async () => {
    const { workflow, addRun } = await seedWorkflow();
    for (const status of ["failed", "failed", "succeeded", "cancelled", "running", "waiting"] as const) await addRun({ status });
    const workflowId = workflow.id;
    expect(await countBulkReplay({ workflowId }, "from_failed_step")).toBe(2);
    expect(await countBulkReplay({ workflowId }, "from_start")).toBe(4);
    expect(await countBulkReplay({ workflowId, status: "succeeded" }, "latest_version")).toBe(1);
    expect(await countBulkReplay({ workflowId, status: "succeeded" }, "from_failed_step")).toBe(0);
    expect(await countBulkReplay({ workflowId, status: "running" }, "from_start")).toBe(0);
  });
});
