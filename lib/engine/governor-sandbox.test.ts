/**
 * The shared rate governor against the GHL sandbox's real per-location limit: a burst far
 * above the limit, from several "workers", never draws a 429 and fills every window.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ghlPrivateIntegrationToken } from "@/lib/connectors/ghl/auth";
import { GHL_API_VERSION } from "@/lib/connectors/ghl/client";
import { classifyGhlError } from "@/lib/connectors/ghl/errors";
import { disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { startGhlSandbox, type GhlSandboxHandle } from "@/sandbox/ghl/server";
import { createConnectionHttp } from "./connection-http";
import { createRateGovernor } from "./rate-governor";
import { workerClients } from "@/lib/db/test-workers";

const LIMIT = 20;
const WINDOW_MS = 1_000;
const CALLS = 90;

let sandbox: GhlSandboxHandle;
let connectionId: string;
let locationId: string;

beforeAll(async () => {
  sandbox = await startGhlSandbox({ port: 0, statePath: null, webhookUrl: null, burstLimit: LIMIT, burstWindowMs: WINDOW_MS });
  locationId = sandbox.sandbox.store.data.locations[0].id;
  const connection = await createConnection({ provider: "ghl", kind: "pit", label: "burst", credentials: { accessToken: sandbox.sandbox.config.pit }, accountId: locationId });
  connectionId = connection.id;
});

afterAll(async () => {
  await sandbox.close();
  await disconnectDb();
});

describe("rate governor against the GHL sandbox", () => {
  // Load-sensitive: on a starved machine calls granted in one window can reach the sandbox late,
  // bunched with the next window's. A retry tells that apart from a governor that overshoots.
  it(`sends ${CALLS} calls at ${LIMIT}/${WINDOW_MS} ms from 3 workers with no 429`, { retry: 2 }, async () => {
    const workers = workerClients(3, 5);
    const key = `ghl-burst:${locationId}:${Date.now()}`;
    const clients = workers.clients.map((client) =>
      createConnectionHttp({
        connection: { id: connectionId },
        auth: ghlPrivateIntegrationToken,
        baseUrl: sandbox.url,
        classifyError: classifyGhlError,
        defaultHeaders: { Version: GHL_API_VERSION },
        governor: { key, limits: { burstMax: LIMIT, burstWindowMs: WINDOW_MS }, instance: createRateGovernor(client), wait: { maxWaitMs: 30_000 } },
      }),
    );
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: CALLS }, async (_, i) => {
        const res = await clients[i % clients.length].request({ method: "GET", path: `/contacts/`, query: { locationId, limit: 1 } });
        statuses.push(res.status);
      }),
    );
    await workers.close();
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses).toHaveLength(CALLS);
    const served = sandbox.sandbox.requests.list().filter((r) => r.path.startsWith("/contacts"));
    expect(served.filter((r) => r.status === 200)).toHaveLength(CALLS);
  });
});
