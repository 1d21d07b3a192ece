/**
 * The settings behind "Requests at once" (connections page) and "Run settings" (workflow page)
 * on the real database: the inputs the server actions validate with, the writes, and what the
 * connections page shows.
 */
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { createWorkflow } from "@/lib/db/workflows";
import { createConnectionSlots } from "@/lib/engine/connection-slots";
import { maxConcurrentRunsField } from "@/lib/engine/limits";
import { connectionsWithUsage, requestLimitInput, setRequestLimit } from "./connections";
import { setMaxConcurrentRuns } from "./workflows";

const MISSING = "00000000-0000-4000-8000-00000000dead";

afterAll(disconnectDb);

const messages = (result: z.ZodSafeParseResult<unknown>) => (result.success ? [] : result.error.issues.map((i) => i.message));

describe("connection request limit", () => {
  it("refuses values outside 1..50 with a message naming the range", () => {
    const id = crypto.randomUUID();
    expect(messages(requestLimitInput.safeParse({ id, maxConcurrentRequests: 0 }))).toEqual(["Max concurrent requests must be between 1 and 50"]);
    expect(messages(requestLimitInput.safeParse({ id, maxConcurrentRequests: 51 }))).toEqual(["Max concurrent requests must be between 1 and 50"]);
    expect(messages(requestLimitInput.safeParse({ id, maxConcurrentRequests: 1.5 }))).toEqual(["Max concurrent requests must be a whole number between 1 and 50"]);
    expect(messages(requestLimitInput.safeParse({ id, maxConcurrentRequests: Number.NaN }))).toEqual(["Max concurrent requests must be a number between 1 and 50"]);
    expect(requestLimitInput.safeParse({ id, maxConcurrentRequests: null }).success).toBe(true);
  });

  it("stores a limit, shows it with the requests in flight, and goes back to the default", async () => {
    const connection = await createConnection({ provider: "ghl", kind: "pit", label: "limited", credentials: { accessToken: "pit-123456" }, accountId: `loc-${crypto.randomUUID()}` });
    const shown = async () => (await connectionsWithUsage()).find((c) => c.id === connection.id);
    expect(await shown()).toMatchObject({ maxConcurrentRequests: null, requests: { limit: 4, inFlight: 0 } });

    expect(await setRequestLimit({ id: connection.id, maxConcurrentRequests: 7 })).toMatchObject({ maxConcurrentRequests: 7 });
    const slots = createConnectionSlots();
    const lease = await slots.acquire(connection.id, 7);
    expect(await shown()).toMatchObject({ maxConcurrentRequests: 7, requests: { limit: 7, inFlight: 1 } });
    await slots.release(lease);

    await setRequestLimit({ id: connection.id, maxConcurrentRequests: null });
    expect(await shown()).toMatchObject({ maxConcurrentRequests: null, requests: { limit: 4, inFlight: 0 } });
    expect(await setRequestLimit({ id: MISSING, maxConcurrentRequests: 3 })).toBeNull();
  });

  it("is refused by the database outside 1..50 too", async () => {
    const connection = await createConnection({ provider: "details-flowers", kind: "api_key", label: "raw", credentials: { apiKey: "k-12345678" } });
    await expect(db().connection.update({ where: { id: connection.id }, data: { maxConcurrentRequests: 0 } })).rejects.toThrow(/max_concurrent_requests_range/);
  });
});

describe("workflow run limit", () => {
  it("refuses values outside 1..100 and stores valid ones", async () => {
    expect(messages(maxConcurrentRunsField.safeParse(0))).toEqual(["Max concurrent runs must be between 1 and 100"]);
    expect(messages(maxConcurrentRunsField.safeParse(101))).toEqual(["Max concurrent runs must be between 1 and 100"]);
    const workflow = await createWorkflow({ name: `limits ${crypto.randomUUID().slice(0, 6)}` });
    expect(await setMaxConcurrentRuns(workflow.id, 25)).toBe(true);
    expect((await db().workflow.findUniqueOrThrow({ where: { id: workflow.id } })).maxConcurrentRuns).toBe(25);
    expect(await setMaxConcurrentRuns(MISSING, 25)).toBe(false);
    await expect(db().workflow.update({ where: { id: workflow.id }, data: { maxConcurrentRuns: 0 } })).rejects.toThrow(/max_concurrent_runs_range/);
  });
});
