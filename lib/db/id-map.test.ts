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
});
