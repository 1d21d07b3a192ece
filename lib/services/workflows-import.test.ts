import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { importWorkflowJson } from "./workflows";

afterAll(() => disconnectDb());

const file = (extra: Record<string, unknown>) =>
  JSON.stringify({ format: "bloombridge.workflow", schemaVersion: 1, name: "Imported", graph: { schemaVersion: 1, nodes: [], edges: [] }, ...extra });

describe("importWorkflowJson (the workflows page's import)", () => {
  it("refuses text PostgreSQL cannot store, naming the field, and stores nothing", async () => {
    const before = await db().workflow.count();
    await expect(importWorkflowJson(file({ name: "Nul\u0000Byte" }), null)).rejects.toMatchObject({ issues: [{ path: ["name"], message: expect.stringContaining("NUL") }] });
    await expect(importWorkflowJson(file({ description: "\ud800" }), null)).rejects.toMatchObject({ issues: [{ path: ["description"] }] });
    expect(await db().workflow.count()).toBe(before);
  });

  it("applies create's name limit", async () => {
    await expect(importWorkflowJson(file({ name: "n".repeat(1_000_000) }), null)).rejects.toMatchObject({ issues: [{ path: ["name"], message: "The name can be at most 200 characters" }] });
  });
});
