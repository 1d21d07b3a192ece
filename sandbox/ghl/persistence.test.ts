import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedData, SEED_CONTACTS_PER_LOCATION } from "./seed";
import { startApi } from "./test-helpers";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("state", () => {
  it("seeds deterministically: 2 locations, 25 contacts each, with activity", () => {
    const a = seedData(99);
    expect(JSON.stringify(seedData(99))).toBe(JSON.stringify(a));
    expect(a.locations).toHaveLength(2);
    for (const l of a.locations) {
      expect(l.id).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(Object.values(a.contacts).filter((c) => c.locationId === l.id)).toHaveLength(SEED_CONTACTS_PER_LOCATION);
    }
    expect(Object.keys(a.tasks).length).toBeGreaterThan(10);
    expect(Object.keys(a.notes).length).toBeGreaterThan(10);
    expect(Object.keys(a.appointments).length).toBeGreaterThan(5);
  });

  it("survives a restart (contacts and OAuth tokens) and re-seeds on reset", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ghl-sandbox-"));
    dirs.push(dir);
    const statePath = path.join(dir, "nested", "ghl.json");
    const first = await startApi({ statePath });
    const c = (await first.call("POST", "/contacts/", { locationId: first.locationId, email: "keep@x.test" })).body.contact;
    await first.sandbox.close();
    expect(JSON.parse(await readFile(statePath, "utf8")).contacts[c.id].email).toBe("keep@x.test");

    const second = await startApi({ statePath });
    expect((await second.call("GET", `/contacts/${c.id}`)).body.contact.email).toBe("keep@x.test");
    const search = await second.call("POST", "/contacts/search", { locationId: second.locationId, pageLimit: 5, query: "keep@x.test" });
    expect(search.body.total).toBe(1);
    await second.call("POST", "/admin/reset");
    expect((await second.call("GET", `/contacts/${c.id}`)).status).toBe(404);
    await second.sandbox.close();
  });
});
