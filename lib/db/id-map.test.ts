import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { workerClients } from "./test-workers";
import { db, disconnectDb } from "./client";
import { createIdMapPort } from "./id-map";

const workers = workerClients(3, 5);
afterAll(async () => {
  await workers.close();
  await disconnectDb();
});

const contact = () => ({ system: "ghl" as const, type: "contact", id: `c-${randomUUID()}` });

describe("id map", () => {
  it("links idempotently: concurrent links of the same pair from several workers make one row", async () => {
    const source = contact();
    const target = { system: "details-flowers" as const, type: "client", id: "df-1" };
    await Promise.all(Array.from({ length: 30 }, (_, i) => createIdMapPort(workers.clients[i % 3]).link(source, target)));
    const rows = await db().idMap.findMany({ where: { sourceId: source.id } });
    expect(rows).toHaveLength(1);
    expect(await createIdMapPort().find(source, "details-flowers", "client")).toBe("df-1");
  });

  it("replaces the target when the same source is linked again", async () => {
    const source = contact();
    const port = createIdMapPort();
    await port.link(source, { system: "details-flowers", type: "client", id: "df-old" });
    await port.link(source, { system: "details-flowers", type: "client", id: "df-new" });
    expect(await port.find(source, "details-flowers", "client")).toBe("df-new");
    expect(await db().idMap.count({ where: { sourceId: source.id } })).toBe(1);
  });

  it("answers reverse lookups, explicitly and through find", async () => {
    const source = contact();
    const target = { system: "details-flowers" as const, type: "client", id: `df-${randomUUID()}` };
    const port = createIdMapPort();
    await port.link(source, target);
    expect(await port.findSource(target, "ghl", "contact")).toBe(source.id);
    expect(await port.find(target, "ghl", "contact")).toBe(source.id);
    expect(await port.find(target, "ghl", "opportunity")).toBeNull();
    expect(await port.find(contact(), "details-flowers", "client")).toBeNull();
  });

  it("exclusive: writers of the same record take turns, across workers", async () => {
    const source = contact();
    let inside = 0;
    let most = 0;
    const write = (port: ReturnType<typeof createIdMapPort>) =>
      port.exclusive(source, "details-flowers", "client", async () => {
        most = Math.max(most, ++inside);
        // Database round trips stand in for the vendor call the lock spans.
        for (let i = 0; i < 3; i++) await port.find(source, "details-flowers", "client");
        inside--;
        return "written";
      });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => write(createIdMapPort(workers.clients[i % 3]))));
    expect(results).toEqual(Array(6).fill("written"));
    expect(most).toBe(1);
    expect(await db().idMapLock.count({ where: { key: { contains: source.id } } })).toBe(0);
  });

  it("exclusive: a write that outlasts the lock's lease keeps the lock (renewed), so no one else writes meanwhile", async () => {
    const source = contact();
    const order: string[] = [];
    const slow = createIdMapPort(db(), { lockTtlMs: 150 }).exclusive(source, "details-flowers", "client", async () => {
      order.push("slow in");
      await new Promise((r) => setTimeout(r, 800));
      order.push("slow out");
    });
    await new Promise((r) => setTimeout(r, 50));
    const other = createIdMapPort(workers.clients[1], { lockTtlMs: 150 }).exclusive(source, "details-flowers", "client", async () => {
      order.push("other");
    });
    await Promise.all([slow, other]);
    expect(order).toEqual(["slow in", "slow out", "other"]);
  });

  it("exclusive: another record is not blocked, a dead holder's expired lock is taken over, a failed write unlocks", async () => {
    const port = createIdMapPort();
    const held = contact();
    let release = () => {};
    const holding = port.exclusive(held, "details-flowers", "client", () => new Promise<void>((resolve) => (release = resolve)));
    expect(await port.exclusive(contact(), "details-flowers", "client", async () => "other record")).toBe("other record");
    release();
    await holding;

    const orphaned = contact();
    await db().idMapLock.create({ data: { key: `ghl:contact:${orphaned.id}>details-flowers:client`, holder: randomUUID(), expiresAt: new Date(Date.now() - 1000) } });
    expect(await port.exclusive(orphaned, "details-flowers", "client", async () => "taken over")).toBe("taken over");

    const failing = contact();
    await expect(port.exclusive(failing, "details-flowers", "client", async () => Promise.reject(new Error("DF said no")))).rejects.toThrow("DF said no");
    expect(await port.exclusive(failing, "details-flowers", "client", async () => "again")).toBe("again");
    expect(await db().idMapLock.count({ where: { key: { in: [held, orphaned, failing].map((c) => `ghl:contact:${c.id}>details-flowers:client`) } } })).toBe(0);
  });
});
