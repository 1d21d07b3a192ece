 
import { afterEach, describe, expect, it } from "vitest";
import { startApi, type Api } from "./test-helpers";

const open: Api[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.sandbox.close();
});
async function api(options = {}) {
  const a = await startApi(options);
  open.push(a);
  return a;
}

describe("rate limits", () => {
  it("sends the five X-RateLimit headers and answers 429 past the burst", async () => {
    const a = await api({ burstLimit: 3, burstWindowMs: 60_000, dailyLimit: 1000 });
    const path = `/contacts/?locationId=${a.locationId}&limit=1`;
    const first = await a.call("GET", path);
    expect(Object.fromEntries([...first.headers].filter(([k]) => k.startsWith("x-ratelimit")))).toEqual({
      "x-ratelimit-limit-daily": "1000",
      "x-ratelimit-daily-remaining": "999",
      "x-ratelimit-interval-milliseconds": "60000",
      "x-ratelimit-max": "3",
      "x-ratelimit-remaining": "2",
    });
    await a.call("GET", path);
    await a.call("GET", path);
    const limited = await a.call("GET", path);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ statusCode: 429, message: "Too Many Requests", error: "Too Many Requests" });
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
  });

  it("keeps one bucket per (client, location) and refills after the window", async () => {
    const a = await api({ burstLimit: 2, burstWindowMs: 150 });
    const path = `/contacts/?locationId=${a.locationId}&limit=1`;
    await a.call("GET", path);
    await a.call("GET", path);
    expect((await a.call("GET", path)).status).toBe(429);
    await new Promise((r) => setTimeout(r, 200));
    expect((await a.call("GET", path)).status).toBe(200);
  });

  it("enforces the daily quota", async () => {
    const a = await api({ burstLimit: 100, dailyLimit: 2 });
    const path = `/contacts/?locationId=${a.locationId}&limit=1`;
    await a.call("GET", path);
    const second = await a.call("GET", path);
    expect(second.headers.get("x-ratelimit-daily-remaining")).toBe("0");
    expect((await a.call("GET", path)).status).toBe(429);
  });
});

describe("fault injection", () => {
  it("rateLimitStorm forces 429 until it ends", async () => {
    const a = await api();
    await a.call("POST", "/admin/faults", { rateLimitStorm: 150 });
    expect((await a.call("GET", `/contacts/?locationId=${a.locationId}`)).status).toBe(429);
    await new Promise((r) => setTimeout(r, 200));
    expect((await a.call("GET", `/contacts/?locationId=${a.locationId}`)).status).toBe(200);
  });

  it("failRate yields a deterministic share of 500s; DELETE clears it", async () => {
    const run = async () => {
      const a = await api({ faultSeed: 7 });
      await a.call("POST", "/admin/faults", { failRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await a.call("GET", `/contacts/?locationId=${a.locationId}&limit=1`)).status);
      return { a, statuses };
    };
    const one = await run();
    const two = await run();
    expect(one.statuses).toEqual(two.statuses);
    expect(one.statuses.filter((s) => s === 500).length).toBeGreaterThan(3);
    expect(one.statuses.filter((s) => s === 200).length).toBeGreaterThan(3);
    await one.a.call("DELETE", "/admin/faults");
    expect((await one.a.call("GET", `/contacts/?locationId=${one.a.locationId}`)).status).toBe(200);
  });

  it("adds latency from env-style options", async () => {
    const a = await api({ faults: { latencyMs: 120 } });
    const t = Date.now();
    await a.call("GET", `/contacts/?locationId=${a.locationId}&limit=1`);
    expect(Date.now() - t).toBeGreaterThanOrEqual(110);
  });

  it("search lag hides new writes from search until it passes", async () => {
    const a = await api();
    await a.call("POST", "/admin/faults", { searchLagMs: 200 });
    const c = (await a.call("POST", "/contacts/", { locationId: a.locationId, email: "lag@x.test" })).body.contact;
    const search = () => a.call("POST", "/contacts/search", { locationId: a.locationId, pageLimit: 10, filters: [{ field: "email", operator: "eq", value: "lag@x.test" }] });
    expect((await search()).body.total).toBe(0);
    expect((await a.call("GET", `/contacts/${c.id}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 250));
    expect((await search()).body.contacts[0].id).toBe(c.id);
  });

  it("logs requests for tests to count", async () => {
    const a = await api();
    await a.call("GET", `/contacts/?locationId=${a.locationId}`);
    await a.call("GET", "/contacts/unknown");
    const log = (await a.call("GET", "/admin/requests")).body.requests;
    expect(log.map((r: any) => [r.method, r.status])).toEqual([["GET", 200], ["GET", 404]]);
    expect(log[0]).toMatchObject({ path: `/contacts/?locationId=${a.locationId}`, locationId: a.locationId });
  });
});
