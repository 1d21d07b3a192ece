import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as catalogEntryRoute from "@/app/api/v1/catalog/[key]/route";
import * as catalogRoute from "@/app/api/v1/catalog/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import { listOperations, listTriggers } from "@/lib/connectors/registry";
import { disconnectDb } from "@/lib/db/client";
import { apiKeyFor, call } from "./client.test-helper";
import { ENDPOINTS } from "./endpoints";

const V1 = path.join(process.cwd(), "app/api/v1");
const HTTP_METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"];

/** Every `route.ts` under app/api/v1 as `{ path: "/workflows/{id}", file }`. */
function routeFiles(dir = V1): { path: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const route = `/${path.relative(V1, dir)}`.replace(/\[(\w+)\]/g, "{$1}");
    return [{ path: route, file: full }];
  });
}

let viewer: string;
beforeAll(async () => {
  viewer = await apiKeyFor("viewer");
});
afterAll(disconnectDb);

describe("openapi.json", () => {
  it("is public, OpenAPI 3.1, with unique operation ids and resolvable refs", async () => {
    const res = await call(openApiRoute.GET, { path: "/openapi.json" });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    const operations = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p));
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = ref.match(/#\/components\/schemas\/(\w+)/)?.[1];
      expect(name, ref).toBeDefined();
      expect(doc.components.schemas[name ?? ""], ref).toBeDefined();
    }
  });

  it("documents exactly the methods every route file exports", async () => {
    const documented = ENDPOINTS.map((e) => `${e.method.toUpperCase()} ${e.path}`).sort();
    const implemented: string[] = [];
    for (const { path: routePath, file } of routeFiles()) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of HTTP_METHODS) if (typeof mod[method] === "function") implemented.push(`${method} ${routePath}`);
    }
    expect(implemented.sort()).toEqual(documented);
    const doc = (await call(openApiRoute.GET, {})).body;
    for (const endpoint of ENDPOINTS) expect(doc.paths[endpoint.path]?.[endpoint.method], `${endpoint.method} ${endpoint.path}`).toBeDefined();
  });

  it("describes the 422 publish error and path parameters", async () => {
    const doc = (await call(openApiRoute.GET, {})).body;
    const publish = doc.paths["/workflows/{id}/publish"].post;
    expect(Object.keys(publish.responses)).toEqual(expect.arrayContaining(["201", "401", "403", "404", "422"]));
    expect(publish.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
    expect(doc.paths["/runs"].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["cursor", "limit", "contact"]));
  });
});

describe("/api/v1 catalog", () => {
  it("lists every registry operation and trigger with JSON Schema", async () => {
    const res = await call(catalogRoute.GET, { key: viewer });
    expect(res.status).toBe(200);
    const keys = new Set(res.body.data.map((e: { key: string }) => e.key));
    for (const item of [...listOperations(), ...listTriggers()]) expect(keys.has(item.key), item.key).toBe(true);
    const upsert = res.body.data.find((e: { key: string }) => e.key === listOperations()[0].key);
    expect(upsert.inputSchema.type).toBe("object");
  });

  it("filters by kind, connector and search text", async () => {
    const triggers = await call(catalogRoute.GET, { key: viewer, query: { kind: "trigger" } });
    expect(triggers.body.data).toHaveLength(listTriggers().length);
    const logic = await call(catalogRoute.GET, { key: viewer, query: { connector: "logic", q: "LOOP" } });
    expect(logic.body.data.map((e: { key: string }) => e.key)).toEqual(["logic.loop"]);
    expect((await call(catalogRoute.GET, { key: viewer, query: { kind: "widget" } })).status).toBe(422);
  });

  it("returns one entry by key, 404 for an unknown key", async () => {
    const key = listOperations()[0].key;
    expect((await call(catalogEntryRoute.GET, { key: viewer, params: { key } })).body.key).toBe(key);
    const missing = await call(catalogEntryRoute.GET, { key: viewer, params: { key: "ghl.nope" } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("Catalog entry ghl.nope does not exist");
  });
});
