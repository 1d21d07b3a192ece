import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { loadDfContract, resolvePointer } from "./index";
import { buildOpenApi } from "./source/build";

const doc = loadDfContract();
const METHODS = ["get", "post", "put", "patch", "delete"];

function walk(node: unknown, visit: (obj: Record<string, unknown>, path: string) => void, path = "#"): void {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, visit, `${path}/${i}`));
  else if (node && typeof node === "object") {
    visit(node as Record<string, unknown>, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}/${k}`);
  }
}

describe("Details Flowers contract", () => {
  it("is OpenAPI 3.1 and marked as Bloombridge's assumption", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Details Flowers API (Bloombridge contract — ASSUMPTION)");
    expect(doc.info["x-bloombridge-assumption"]).toBe(true);
    expect(doc.info.description).toMatch(/not a Details Flowers publication/);
  });

  it("matches its source (regenerate with npx tsx contracts/details-flowers/source/build.ts)", () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
  });

  it("resolves every $ref", () => {
    const broken: string[] = [];
    walk(doc, (obj, path) => {
      if (typeof obj.$ref === "string" && resolvePointer(doc, obj.$ref) === undefined) broken.push(`${path} → ${obj.$ref}`);
    });
    expect(broken).toEqual([]);
  });

  it("gives every operation a unique operationId, a summary and a description", () => {
    const ids: string[] = [];
    for (const item of Object.values(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        ids.push(op.operationId);
        expect(op.summary, op.operationId).toBeTruthy();
        expect(op.description, op.operationId).toBeTruthy();
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(33);
  });

  it("describes every property and parameter", () => {
    const missing: string[] = [];
    walk(doc, (obj, path) => {
      if (obj.type === "object" && obj.properties && typeof obj.properties === "object") {
        for (const [name, prop] of Object.entries(obj.properties as Record<string, Record<string, unknown>>)) {
          if (!prop.description) missing.push(`${path}/properties/${name}`);
        }
      }
      if (typeof obj.in === "string" && typeof obj.name === "string" && !obj.description) missing.push(path);
    });
    expect(missing).toEqual([]);
  });

  it("compiles every component schema with a JSON Schema 2020-12 validator", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, "df");
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => ajv.getSchema(`df#/components/schemas/${name}`), name).not.toThrow();
      expect(ajv.getSchema(`df#/components/schemas/${name}`), name).toBeTypeOf("function");
    }
  });
});
