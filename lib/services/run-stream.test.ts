import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { toRunFilter } from "./run-filter";
import { runChangeStream } from "./run-stream";
import type { RunRow } from "./run-rows";
import { seedWorkflow } from "./run-test-seed";

afterAll(disconnectDb);

/** Reads SSE frames until `until` holds for the `run` events seen so far. */
async function readRuns(stream: ReadableStream<Uint8Array>, until: (runs: RunRow[]) => boolean): Promise<{ runs: RunRow[]; raw: string }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let raw = "";
  const runs: RunRow[] = [];
  while (!until(runs)) {
    const { value, done } = await reader.read();
    if (done) break;
    raw += decoder.decode(value, { stream: true });
    runs.length = 0;
    for (const frame of raw.split("\n\n")) {
      const data = /^event: run\ndata: (.*)$/m.exec(frame);
      if (data) runs.push(JSON.parse(data[1]) as RunRow);
    }
  }
  reader.releaseLock();
  return { runs, raw };
}

describe("live run stream", () => {
  it("sends new and changed runs matching the filter, serialized for the list, and stops on abort", async () => {
    const { workflow, addRun } = await seedWorkflow();
    const other = await seedWorkflow();
    const since = new Date();
    const abort = new AbortController();
    const stream = runChangeStream(toRunFilter({ workflowId: workflow.id }), abort.signal, { since, intervalMs: 50 });

    const created = await addRun({ status: "running", email: "poppy@example.com" });
    await other.addRun({ status: "running" });
    const first = await readRuns(stream, (runs) => runs.length >= 1);
    expect(first.raw).toMatch(/^retry: 3000\nevent: ready\n/);
    expect(first.runs).toEqual([
      expect.objectContaining({ id: created.id, status: "running", workflowId: workflow.id, workflowName: workflow.name, contactEmail: "poppy@example.com", contactName: "Poppy Field", delivery: "webhook", attempts: 0 }),
    ]);
    expect(first.runs[0].createdAt).toBe(created.createdAt.toISOString());

    // The status change comes through as a second event for the same run (trigger bumps updated_at).
    await db().run.update({ where: { id: created.id }, data: { status: "failed", finishedAt: new Date() } });
    const second = await readRuns(stream, (runs) => runs.some((r) => r.status === "failed"));
    expect(second.runs.every((r) => r.id === created.id)).toBe(true);

    abort.abort();
    const reader = stream.getReader();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });

  it("applies status, delivery and contact filters", async () => {
    const { workflow, addRun } = await seedWorkflow();
    const since = new Date();
    const abort = new AbortController();
    const stream = runChangeStream(toRunFilter({ workflowId: workflow.id, status: "failed", delivery: "polling", contact: "Match@Example.com" }), abort.signal, { since, intervalMs: 50 });
    await addRun({ status: "failed", delivery: "webhook", email: "match@example.com" });
    await addRun({ status: "succeeded", delivery: "polling", email: "match@example.com" });
    await addRun({ status: "failed", delivery: "polling", email: "other@example.com" });
    const wanted = await addRun({ status: "failed", delivery: "polling", email: "match@example.com" });
    const { runs } = await readRuns(stream, (r) => r.length >= 1);
    abort.abort();
    expect(runs.map((r) => r.id)).toEqual([wanted.id]);
  });
});
