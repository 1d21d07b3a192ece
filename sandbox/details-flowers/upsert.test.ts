/** Upsert match rules: explicit order, case-insensitive email, E.164 phone, never name alone, race-safe. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DfSandbox } from "./server";
import { client, startTestSandbox } from "./test-helpers";

let sb: DfSandbox;
let call: ReturnType<typeof client>;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: false });
  call = client(sb);
});
beforeEach(() => sb.reset({ seed: false }));
afterAll(() => sb.close());

const upsert = (match: string[], c: Record<string, unknown>) => call("POST", "/clients/upsert", { body: { match, client: c } });
const count = async () => (await call("GET", "/clients?limit=200")).body.data.length;

describe("upsert match rules", () => {
  it("creates, then updates the same client on the next call", async () => {
    const a = await upsert(["externalIds.ghl"], { fullName: "Ana Lima", externalIds: { ghl: "g1" } });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ created: true, matchedOn: null });
    const b = await upsert(["externalIds.ghl"], { phone: "+14075550123", externalIds: { ghl: "g1" } });
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ created: false, matchedOn: "externalIds.ghl", client: { id: a.body.client.id, fullName: "Ana Lima", phone: "+14075550123" } });
  });

  it("lets externalIds.ghl beat email when listed first", async () => {
    const byEmail = (await upsert(["email"], { fullName: "Email Person", email: "shared@example.com" })).body.client;
    const byGhl = (await upsert(["email"], { fullName: "Ghl Person", email: "other@example.com", externalIds: { ghl: "g2" } })).body.client;
    const res = await upsert(["externalIds.ghl", "email"], { email: "shared@example.com", externalIds: { ghl: "g2" } });
    expect(res.body.matchedOn).toBe("externalIds.ghl");
    expect(res.body.client.id).toBe(byGhl.id);
    expect(res.body.client.id).not.toBe(byEmail.id);
  });

  it("falls through to the next key when the first finds nothing", async () => {
    const existing = (await upsert(["email"], { fullName: "Bo", email: "bo@example.com" })).body.client;
    const res = await upsert(["externalIds.ghl", "email"], { email: "bo@example.com", externalIds: { ghl: "g3" } });
    expect(res.body).toMatchObject({ matchedOn: "email", created: false, client: { id: existing.id, externalIds: { ghl: "g3" } } });
  });

  it("matches email case-insensitively and stores it lower-cased", async () => {
    const a = (await upsert(["email"], { fullName: "Cy", email: "Cy.Rose@Example.COM" })).body.client;
    expect(a.email).toBe("cy.rose@example.com");
    const b = await upsert(["email"], { email: "CY.ROSE@example.com", company: "Rose Events" });
    expect(b.body).toMatchObject({ matchedOn: "email", client: { id: a.id, company: "Rose Events" } });
    expect((await call("GET", "/clients?email=CY.rose@EXAMPLE.com")).body.data).toHaveLength(1);
  });

  it("matches on E.164 phone", async () => {
    const a = (await upsert(["phone"], { fullName: "Di", phone: "+13865550100" })).body.client;
    const b = await upsert(["email", "phone"], { email: "di@example.com", phone: "+13865550100" });
    expect(b.body).toMatchObject({ matchedOn: "phone", client: { id: a.id, email: "di@example.com" } });
  });

  it("never matches on name alone", async () => {
    await upsert(["email"], { fullName: "Eve Green", email: "eve1@example.com" });
    const res = await upsert(["id", "externalIds.ghl", "email", "phone"], { fullName: "Eve Green" });
    expect(res.body.created).toBe(true);
    expect(await count()).toBe(2);
  });

  it("matches by id when asked, and never assigns a caller's id", async () => {
    const a = (await upsert(["email"], { fullName: "Fay", email: "fay@example.com" })).body.client;
    expect((await upsert(["id"], { id: a.id, company: "Fay Co" })).body).toMatchObject({ matchedOn: "id", client: { id: a.id } });
    const created = await upsert(["id"], { id: "cli_made_up", fullName: "New" });
    expect(created.body.created).toBe(true);
    expect(created.body.client.id).not.toBe("cli_made_up");
  });

  it("409s rather than relinking a client already tied to another GHL contact", async () => {
    await upsert(["email"], { fullName: "Gil", email: "gil@example.com", externalIds: { ghl: "g-old" } });
    const res = await upsert(["externalIds.ghl", "email"], { email: "gil@example.com", externalIds: { ghl: "g-new" } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", details: [{ field: "client.externalIds.ghl" }] });
  });

  it("yields exactly one client from 20 concurrent upserts of the same GHL contact", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      upsert(["externalIds.ghl", "email"], { fullName: "Hal Race", email: "hal@example.com", externalIds: { ghl: "g-race" }, tags: [`t${i}`] })));
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.body.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.client.id)).size).toBe(1);
    expect(await count()).toBe(1);
  });

  it("creates a client and its event in one call, reusing a matched client", async () => {
    const first = await call("POST", "/client-events", { body: { match: ["email"], client: { fullName: "Ida", email: "ida@example.com" }, event: { name: "Ida wedding", type: "wedding", date: "2026-04-04" } } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, event: { clientId: first.body.client.id, status: "inquiry" } });
    const second = await call("POST", "/client-events", { body: { match: ["email"], client: { email: "IDA@example.com" }, event: { name: "Ida shower", type: "other", date: "2026-03-01" } } });
    expect(second.body).toMatchObject({ created: false, matchedOn: "email", client: { id: first.body.client.id } });
    expect((await call("GET", `/events?clientId=${first.body.client.id}`)).body.data).toHaveLength(2);
  });

  it("does not bump updatedAt or emit a change when an upsert changes nothing", async () => {
    const a = (await upsert(["email"], { fullName: "Jo", email: "jo@example.com" })).body.client;
    const before = (await call("GET", "/changes")).body.nextCursor;
    const b = (await upsert(["email"], { fullName: "Jo", email: "jo@example.com" })).body.client;
    expect(b.updatedAt).toBe(a.updatedAt);
    expect((await call("GET", `/changes?since=${before}`)).body.data).toEqual([]);
  });
});
