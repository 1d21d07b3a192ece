import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { runStats } from "./run-stats";
import { seedWorkflow } from "./run-test-seed";

afterAll(disconnectDb);

describe("runs over time", () => {
  it("counts runs per hour by status with the error rate, filling empty hours", async () => {
    const now = new Date("2031-03-10T12:30:00Z");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const { workflow, addRun } = await seedWorkflow();
    const other = await seedWorkflow();
    await addRun({ status: "succeeded", at: hoursAgo(0.1) });
    await addRun({ status: "failed", at: hoursAgo(0.2) });
    await addRun({ status: "failed", at: hoursAgo(0.3) });
    await addRun({ status: "running", at: hoursAgo(0.05) });
    await addRun({ status: "succeeded", at: hoursAgo(3) });
    await addRun({ status: "cancelled", delivery: "polling", at: hoursAgo(3) });
    await addRun({ status: "failed", at: hoursAgo(30) }); // outside the window
    await other.addRun({ status: "failed", at: hoursAgo(1) });

    const stats = await runStats({ workflowId: workflow.id, hours: 6, now });
    expect(stats.unit).toBe("hour");
    expect(stats.buckets).toHaveLength(7);
    expect(stats.buckets.at(-1)).toMatchObject({ start: "2031-03-10T12:00:00.000Z", succeeded: 1, failed: 2, active: 1, total: 4, errorRate: 2 / 3 });
    expect(stats.buckets.find((b) => b.start === "2031-03-10T09:00:00.000Z")).toMatchObject({ succeeded: 1, cancelled: 1, total: 2, errorRate: 0 });
    expect(stats.buckets.find((b) => b.start === "2031-03-10T10:00:00.000Z")).toMatchObject({ total: 0, errorRate: null });
    expect(stats).toMatchObject({ total: 6, failed: 2, errorRate: 2 / 4 });

    expect((await runStats({ workflowId: workflow.id, delivery: "polling", hours: 6, now })).total).toBe(1);
    const daily = await runStats({ workflowId: workflow.id, hours: 24 * 7, now });
    expect(daily.unit).toBe("day");
    expect(daily.buckets).toHaveLength(8);
    expect(daily.total).toBe(7);
  });
});
