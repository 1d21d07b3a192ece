/**
 * Property-based fuzzing of /api/v1 (issue 12): requests generated from the OpenAPI document's
 * own schemas, mixed with hostile values (NUL, lone surrogates, deep nesting, wrong types, huge
 * numbers), sent to the route handlers in-process. No request may get a 5xx, and a refused
 * write must leave the database exactly as it was (a 2xx write commits with its audit row).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as backfillCancel from "@/app/api/v1/backfills/[id]/cancel/route";
import * as backfillPause from "@/app/api/v1/backfills/[id]/pause/route";
import * as backfillResume from "@/app/api/v1/backfills/[id]/resume/route";
import * as backfills from "@/app/api/v1/backfills/route";
import * as catalog from "@/app/api/v1/catalog/route";
import * as runCancel from "@/app/api/v1/runs/[id]/cancel/route";
import * as runReplay from "@/app/api/v1/runs/[id]/replay/route";
import * as bulkReplay from "@/app/api/v1/runs/replay/route";
import * as runs from "@/app/api/v1/runs/route";
import * as install from "@/app/api/v1/templates/[key]/install/route";
import * as enable from "@/app/api/v1/workflows/[id]/enable/route";
import * as pause from "@/app/api/v1/workflows/[id]/pause/route";
import * as publish from "@/app/api/v1/workflows/[id]/publish/route";
import * as rollback from "@/app/api/v1/workflows/[id]/rollback/route";
import * as workflow from "@/app/api/v1/workflows/[id]/route";
import * as manualRun from "@/app/api/v1/workflows/[id]/runs/route";
import * as importRoute from "@/app/api/v1/workflows/import/route";
import * as workflows from "@/app/api/v1/workflows/route";
import { db } from "@/lib/db/client";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { apiTestKeys, call, TRIGGER_ONLY_GRAPH } from "./client.test-helper";
import { openApiDocument } from "./openapi";

type Json = Record<string, unknown>;
type Schema = Json & { type?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; $ref?: string };
type Handler = Parameters<typeof call>[0];

// Its own database: the "nothing half-saved" check compares whole tables between requests.
beforeAll(async () => {
  process.env.DATABASE_URL = await createIsolatedDatabase("fuzz");
});
const keys = apiTestKeys();

const HANDLERS: Record<string, Handler> = {
  "post /workflows": workflows.POST,
  "post /workflows/import": importRoute.POST,
  "patch /workflows/{id}": workflow.PATCH,
  "post /workflows/{id}/publish": publish.POST,
  "post /workflows/{id}/enable": enable.POST,
  "post /workflows/{id}/pause": pause.POST,
  "post /workflows/{id}/rollback": rollback.POST,
  "post /workflows/{id}/runs": manualRun.POST,
  "get /runs": runs.GET,
  "post /runs/replay": bulkReplay.POST,
  "post /runs/{id}/cancel": runCancel.POST,
  "post /runs/{id}/replay": runReplay.POST,
  "post /backfills": backfills.POST,
  "post /backfills/{id}/pause": backfillPause.POST,
  "post /backfills/{id}/resume": backfillResume.POST,
  "post /backfills/{id}/cancel": backfillCancel.POST,
  "post /templates/{key}/install": install.POST,
  "get /catalog": catalog.GET,
};

const doc = openApiDocument() as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Schema> } };
/** Every documented POST/PATCH with a body or a query string, or a path parameter to aim. */
const targets = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([method, op]) => method === "post" || method === "patch" || (op.parameters as Json[] | undefined)?.some((p) => p.in === "query"))
    .map(([method, op]) => ({ method, path, op: op as { parameters?: Array<{ name: string; in: string; schema: Schema }>; requestBody?: { content: Record<string, { schema: Schema }> } } })),
);
const TOTAL_REQUESTS = 2_100;
const perTarget = Math.ceil(TOTAL_REQUESTS / targets.length);

const deep = (levels: number): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => ({ a: inner }), 1);
const HOSTILE_TEXT = ["", "\u0000", "nul\u0000byte", "a\ud800b", "\udfff", "x".repeat(5_000), "%00", "../../etc/passwd", "'; drop table runs; --", "😀", " "];
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...HOSTILE_TEXT, null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}, deep(600), [deep(50)]),
  fc.string(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Ids the fuzzer aims path parameters and uuid fields at: real rows, missing rows, junk. */
const ids = { workflow: "", run: "", missing: "00000000-0000-4000-8000-00000000dead" };
const idArb = () => fc.constantFrom(ids.workflow, ids.run, ids.missing, "not-a-uuid", "\u0000", "");

function arbitrary(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: valid(schema, depth) }, { weight: 1, arbitrary: hostile });
}

function valid(raw: Schema, depth: number): fc.Arbitrary<unknown> {
  const schema = raw.$ref ? doc.components.schemas[raw.$ref.split("/").pop() ?? ""] : raw;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ("const" in schema) return fc.constant(schema.const);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((s) => valid(s, depth)));
  switch (schema.type) {
    case "string":
      if (schema.format === "uuid") return idArb();
      if (schema.format === "date-time") return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      return fc.oneof(fc.string({ maxLength: Math.min(Number(schema.maxLength ?? 40), 40) }), fc.constantFrom(...HOSTILE_TEXT), fc.constantFrom("contact-to-client", "ghl", "ghl.contact.created"));
    case "integer":
      return fc.integer({ min: Math.max(Number(schema.minimum ?? -5), -1e6), max: Math.min(Number(schema.maximum ?? 1e6), 1e6) });
    case "number":
      return fc.double();
    case "boolean":
      return fc.boolean();
    case "array":
      return depth > 4 ? fc.constant([]) : fc.array(arbitrary(schema.items ?? {}, depth + 1), { maxLength: 3 });
    case "object": {
      if (depth > 4) return fc.constant({});
      const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, s]) => [name, name === "graph" ? graphArb : arbitrary(s, depth + 1)]));
      const record = fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
      return schema.additionalProperties && !schema.properties ? fc.dictionary(fc.string({ maxLength: 10 }), hostile, { maxKeys: 3 }) : record;
    }
    default:
      return hostile;
  }
}

/** Graphs: the empty-ish valid one, one with odd text in its literals, or anything at all. */
const graphArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(TRIGGER_ONLY_GRAPH),
  fc.constantFrom(...HOSTILE_TEXT).map((text) => ({ ...TRIGGER_ONLY_GRAPH, nodes: [{ ...TRIGGER_ONLY_GRAPH.nodes[0], label: text, notes: text }] })),
  hostile,
);

type Snapshot = Record<string, unknown>;
async function snapshot(): Promise<Snapshot> {
  const [row] = await db().$queryRawUnsafe<Snapshot[]>(`SELECT
    (SELECT md5(coalesce(string_agg(to_jsonb(w)::text, ',' ORDER BY w.id), '')) FROM workflows w) AS workflows,
    (SELECT md5(coalesce(string_agg(to_jsonb(b)::text, ',' ORDER BY b.id), '')) FROM backfills b) AS backfills,
    (SELECT count(*)::int FROM workflow_versions) AS versions,
    (SELECT count(*)::int FROM runs) AS runs,
    (SELECT count(*)::int FROM trigger_events) AS events,
    (SELECT count(*)::int FROM audit_log) AS audit`);
  return row;
}

describe("/api/v1 fuzz", () => {
  beforeAll(async () => {
    const created = await call(workflows.POST, { key: keys.editor, body: { name: "Fuzz target", graph: TRIGGER_ONLY_GRAPH } });
    ids.workflow = created.body.id;
    await call(publish.POST, { key: keys.editor, params: { id: ids.workflow }, body: {} });
    ids.run = (await call(manualRun.POST, { key: keys.editor, params: { id: ids.workflow }, body: {} })).body.runId ?? ids.missing;
  });

  it("covers every POST/PATCH and query string the document lists", () => {
    expect(targets.map((t) => `${t.method} ${t.path}`).sort()).toEqual(Object.keys(HANDLERS).sort());
    expect(perTarget * targets.length).toBeGreaterThanOrEqual(2_000);
  });

  it.each(targets.map((t) => [`${t.method.toUpperCase()} ${t.path}`, t] as const))("%s: no 5xx, nothing half-saved", async (_name, target) => {
    const handler = HANDLERS[`${target.method} ${target.path}`];
    const pathParams = (target.op.parameters ?? []).filter((p) => p.in === "path");
    const queryParams = (target.op.parameters ?? []).filter((p) => p.in === "query");
    const bodySchema = target.op.requestBody?.content["application/json"]?.schema;
    const request = fc.record({
      params: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, p.name === "key" ? fc.constantFrom("contact-to-client", "nope", "\u0000", "") : idArb()]))),
      query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valid(p.schema, 0).map(String)])), { requiredKeys: [] }),
      body: bodySchema ? arbitrary(bodySchema) : fc.constant(undefined),
    });
    const writes = target.method !== "get";
    await fc.assert(
      fc.asyncProperty(request, async ({ params, query, body }) => {
        const before = writes ? await snapshot() : null;
        const res = await call(handler, { key: keys.editor, method: target.method.toUpperCase(), params: params as Record<string, string>, query: query as Record<string, string>, body: writes ? (body ?? {}) : undefined });
        expect(res.status, JSON.stringify({ params, query, body, res: res.body }).slice(0, 2_000)).toBeLessThan(500);
        if (!before) return;
        const after = await snapshot();
        if (res.status >= 400) expect(after, `refused with ${res.status} yet changed the database`).toEqual(before);
        else expect(Number(after.audit), "a write without its audit row").toBeGreaterThan(Number(before.audit));
      }),
      { numRuns: perTarget, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
    );
  }, 60_000);
});
