import { describe, expect, it } from "vitest";
import type { PollContext, PollState, TriggerDefinition } from "../../define";
import { createGhlHttpClient } from "../client";
import { stubFetch, type RecordedRequest } from "../test-helpers";
import { contactCreatedPoll, contactUpdatedPoll } from "./contact-polling";
import { ghlTriggers as typedTriggers } from "./index";

const ghlTriggers: readonly TriggerDefinition[] = typedTriggers;

describe("GHL webhook triggers", () => {
  it.each(ghlTriggers.filter((t) => t.delivery === "webhook").map((t) => [t.key, t] as const))("%s describes its sample", (_key, trigger) => {
    const payload = trigger.payload.parse(Object.assign({}, trigger.sample, { webhookId: "wh_123" }));
    const described = trigger.describe?.(payload);
    expect(described?.accountId).toBeTruthy();
    expect(described?.dedupeKey).toBe("wh_123");
    expect(described?.subject?.id).toBeTruthy();
    expect(trigger.payload.parse(trigger.sample)).toMatchObject({ type: trigger.eventTypes?.[0] });
  });

  it("gives contact events email and name as subject", () => {
    const trigger = ghlTriggers.find((t) => t.key === "ghl.contact.created");
    const described = trigger?.describe?.(trigger.payload.parse(trigger.sample));
    expect(described).toEqual({
      subject: { id: "nmFmQEsNgz6AVpgLVUJ0", email: "JohnDeo@gmail.comm", name: "John Deo" },
      accountId: "ve9EPM428h8vShlRW1KT",
      dedupeKey: undefined,
    });
  });
});

type Row = { id: string; locationId: string; email: string; dateAdded: string; dateUpdated: string };

/** A tiny stand-in for POST /contacts/search: range(gte) filter, ascending sort, page/pageLimit. */
function searchServer(rows: Row[]) {
  return stubFetch((req: RecordedRequest) => {
    const body = req.body as { page: number; pageLimit: number; filters: Array<{ field: keyof Row; value: { gte: string } }>; sort: Array<{ field: keyof Row }> };
    const { field, value } = body.filters[0];
    const sortField = body.sort[0].field;
    const matching = rows
      .filter((row) => Date.parse(row[field]) >= Date.parse(value.gte))
      .sort((a, b) => Date.parse(a[sortField]) - Date.parse(b[sortField]) || a.id.localeCompare(b.id));
    const start = (body.page - 1) * body.pageLimit;
    return { body: { contacts: matching.slice(start, start + body.pageLimit), total: matching.length } };
  });
}

const row = (id: string, dateUpdated: string, dateAdded = "2026-01-01T00:00:00.000Z"): Row => ({ id, locationId: "loc1", email: `${id}@x.test`, dateAdded, dateUpdated });

function pollWith(rows: Row[], now = new Date("2026-03-14T10:00:00.000Z")) {
  const server = searchServer(rows);
  const poll = async (state: PollState, trigger = contactUpdatedPoll) => {
    const ctx: PollContext = {
      http: createGhlHttpClient({ baseUrl: "https://ghl.test", fetchImpl: server.fetchImpl }),
      connection: { id: "c1", accountId: "loc1", scopes: ["contacts.readonly"] },
      // Persisted state goes through JSON, like the engine's cursor table.
      state: JSON.parse(JSON.stringify(state)),
      now,
    };
    const result = await (trigger.poll?.(ctx) ?? Promise.reject(new Error("no poll")));
    return { ids: result.events.map((event) => event.payload.id), events: result.events, state: result.state };
  };
  return { poll, requests: server.requests, rows };
}

describe("GHL polling triggers", () => {
  it("starts at now on the first poll without replaying history", async () => {
    const { poll, requests } = pollWith([row("a", "2026-03-01T00:00:00.000Z")]);
    const first = await poll({ cursor: null, seen: [] });
    expect(first.ids).toEqual([]);
    expect(first.state.cursor).toBe("2026-03-14T10:00:00.000Z");
    expect(requests).toHaveLength(0);
  });

  it("emits each change once across ties, late index arrivals and restarts", async () => {
    const rows = [row("a", "2026-03-14T10:00:01.000Z"), row("b", "2026-03-14T10:00:02.000Z")];
    const { poll, requests } = pollWith(rows);
    let result = await poll({ cursor: "2026-03-14T10:00:00.000Z", seen: [] });
    expect(result.ids).toEqual(["a", "b"]);
    expect(result.state.cursor).toBe("2026-03-14T10:00:02.000Z");
    expect(result.events[0]).toMatchObject({ dedupeKey: "ghl.contact.updated.poll:a|2026-03-14T10:00:01.000Z", accountId: "loc1", occurredAt: "2026-03-14T10:00:01.000Z", subject: { id: "a", email: "a@x.test" } });
    expect(requests[0].body).toMatchObject({
      locationId: "loc1",
      page: 1,
      filters: [{ field: "dateUpdated", operator: "range", value: { gte: "2026-03-14T09:59:50.000Z" } }],
      sort: [{ field: "dateUpdated", direction: "asc" }],
    });
    expect(requests[0].headers.version).toBe("2021-07-28");

    result = await poll(result.state);
    expect(result.ids).toEqual([]);

    // Same timestamp as the cursor, and one that shows up late in the search index.
    rows.push(row("c", "2026-03-14T10:00:02.000Z"), row("d", "2026-03-14T09:59:58.000Z"));
    result = await poll(result.state);
    expect(result.ids.sort()).toEqual(["c", "d"]);
    result = await poll(result.state);
    expect(result.ids).toEqual([]);

    // A later change of an already-seen contact is a new event.
    rows[0].dateUpdated = "2026-03-14T10:00:05.000Z";
    result = await poll(result.state);
    expect(result.ids).toEqual(["a"]);
    expect(result.state.cursor).toBe("2026-03-14T10:00:05.000Z");
  });

  it("pages through results and keeps the seen-set bounded to the lookback window", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => row(`p${String(i).padStart(3, "0")}`, new Date(Date.parse("2026-03-14T10:00:00.000Z") + i * 1000).toISOString()));
    const { poll, requests } = pollWith(rows);
    const result = await poll({ cursor: "2026-03-14T10:00:00.000Z", seen: [] });
    expect(result.ids).toHaveLength(250);
    expect(new Set(result.ids).size).toBe(250);
    expect(requests.map((req) => (req.body as { page: number }).page)).toEqual([1, 2, 3]);
    // Only changes within 10 s of the newest one can come back; older keys are dropped.
    expect(result.state.seen).toHaveLength(11);
    expect((await poll(result.state)).ids).toEqual([]);
  });

  it("watches dateAdded for the created trigger", async () => {
    const rows = [row("new1", "2026-03-14T10:00:09.000Z", "2026-03-14T10:00:03.000Z"), row("old", "2026-03-14T10:00:09.000Z")];
    const { poll, requests } = pollWith(rows);
    const result = await poll({ cursor: "2026-03-14T10:00:00.000Z", seen: [] }, contactCreatedPoll);
    expect(result.ids).toEqual(["new1"]);
    expect(requests[0].body).toMatchObject({ filters: [{ field: "dateAdded" }], sort: [{ field: "dateAdded", direction: "asc" }] });
  });
});
