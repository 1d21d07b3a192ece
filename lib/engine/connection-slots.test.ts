/**
 * The per-connection in-flight limit on the real database, from several PrismaClients standing
 * in for worker processes: never more holders than the limit, expired leases taken over, a
 * late release that cannot free someone else's slot, and a bounded wait that ends in a park.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { workerClients } from "@/lib/db/test-workers";
import { ConnectionBusyError, createConnectionSlots } from "./connection-slots";

const workers = workerClients(3, 4);
const slotsOf = workers.clients.map((client) => createConnectionSlots(client));

async function newConnection(): Promise<string> {
  return (await createConnection({ provider: "details-flowers", kind: "api_key", label: `slots ${crypto.randomUUID().slice(0, 6)}`, credentials: { apiKey: "k-12345678" } })).id;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The row a worker killed mid-request leaves behind: a lease that nobody renews any more. */
async function deadHolder(connectionId: string, leaseMs: number) {
  const row = await db().connectionSlot.create({ data: { connectionId, slot: 0, holder: "killed-worker", leaseUntil: new Date(Date.now() + leaseMs) } });
  return { connectionId, slot: row.slot, holder: row.holder };
}

let connectionId: string;
beforeAll(async () => {
  connectionId = await newConnection();
});

afterAll(async () => {
  await workers.close();
  await disconnectDb();
});

describe("connection slots", () => {
  it("40 requests from 3 workers with a limit of 3 never hold more than 3 slots at once", async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const slots = slotsOf[i % slotsOf.length];
        const lease = await slots.acquire(connectionId, 3, { maxWaitMs: 60_000 });
        most = Math.max(most, ++inside);
        await sleep(15);
        inside--;
        await slots.release(lease);
      }),
    );
    expect(most).toBe(3);
    expect(await slotsOf[0].inFlight(connectionId)).toBe(0);
  });

  it("parks with ConnectionBusyError when every slot stays busy past the wait", async () => {
    const id = await newConnection();
    const held = await slotsOf[0].acquire(id, 1);
    const busy = await slotsOf[1].acquire(id, 1, { maxWaitMs: 100 }).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(ConnectionBusyError);
    expect((busy as ConnectionBusyError).retryAfterMs).toBeGreaterThan(0);
    expect((busy as Error).message).toContain("All 1 request slots");
    await slotsOf[0].release(held);
    await expect(slotsOf[1].acquire(id, 1, { maxWaitMs: 0 })).resolves.toMatchObject({ slot: 0 });
  });

  it("takes over the slot of a holder that died once its lease has run out", async () => {
    const id = await newConnection();
    const dead = await deadHolder(id, 300);
    expect(await slotsOf[1].inFlight(id)).toBe(1);
    const taken = await slotsOf[1].acquire(id, 1, { maxWaitMs: 30_000 });
    expect(taken.slot).toBe(dead.slot);
    expect(taken.holder).not.toBe(dead.holder);
    // The dead holder's late release must not free the slot it no longer owns.
    await slotsOf[0].release(dead);
    expect(await slotsOf[2].inFlight(id)).toBe(1);
    await expect(slotsOf[2].acquire(id, 1, { maxWaitMs: 0 })).rejects.toBeInstanceOf(ConnectionBusyError);
    await slotsOf[1].release(taken);
    expect(await slotsOf[2].inFlight(id)).toBe(0);
  });

  it("keeps a slot held past its lease while the holder is alive", async () => {
    const id = await newConnection();
    const held = await slotsOf[0].acquire(id, 1, { leaseMs: 1_500 });
    await sleep(4_000);
    await expect(slotsOf[1].acquire(id, 1, { maxWaitMs: 0 })).rejects.toBeInstanceOf(ConnectionBusyError);
    await slotsOf[0].release(held);
    await expect(slotsOf[1].acquire(id, 1, { maxWaitMs: 0 })).resolves.toMatchObject({ slot: 0 });
  });

  it("grants nothing new while slots above a lowered limit are still in flight", async () => {
    const id = await newConnection();
    const leases = await Promise.all([0, 1, 2].map(() => slotsOf[0].acquire(id, 3)));
    const high = leases.find((l) => l.slot === 2);
    for (const lease of leases) if (lease !== high) await slotsOf[0].release(lease);
    // Limit lowered to 2 while slot 2 is held: two free numbers, but three would be in flight.
    await expect(slotsOf[1].acquire(id, 2, { maxWaitMs: 0 })).rejects.toBeInstanceOf(ConnectionBusyError);
    if (high) await slotsOf[0].release(high);
    await expect(slotsOf[1].acquire(id, 2, { maxWaitMs: 0 })).resolves.toHaveProperty("holder");
  });

  it("cleans up with its connection", async () => {
    const id = await newConnection();
    const lease = await slotsOf[0].acquire(id, 2);
    await db().connection.delete({ where: { id } });
    expect(await db().connectionSlot.count({ where: { connectionId: id } })).toBe(0);
    await slotsOf[0].release(lease);
  });
});
