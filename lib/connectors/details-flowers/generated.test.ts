/**
 * The generated zod source matches the contract byte for byte, and every field every
 * Details Flowers action or trigger shows in the mapper carries a description.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { generateDfSources, OUTPUT_DIR, readContract } from "@/scripts/gen-df-schemas";
import { detailsFlowersConnector } from "./connector";
import { dfOperations } from "./generated/operations";
import { DF_OPERATIONS_WITHOUT_ACTION } from "./operations";

type Node = Record<string, unknown>;

/** Paths of properties without a description, walking objects, arrays, unions and $defs. */
function undescribed(schema: unknown, at = "$"): string[] {
  if (!schema || typeof schema !== "object") return [];
  const node = schema as Node;
  const out: string[] = [];
  for (const [name, prop] of Object.entries((node.properties ?? {}) as Record<string, Node>)) {
    if (typeof prop.description !== "string" || !prop.description) out.push(`${at}.${name}`);
    out.push(...undescribed(prop, `${at}.${name}`));
  }
  for (const key of ["items", "additionalProperties"]) out.push(...undescribed(node[key], `${at}[]`));
  for (const key of ["anyOf", "oneOf", "allOf"]) for (const [i, s] of ((node[key] ?? []) as unknown[]).entries()) out.push(...undescribed(s, `${at}|${i}`));
  for (const [name, def] of Object.entries((node.$defs ?? {}) as Record<string, unknown>)) out.push(...undescribed(def, `#${name}`));
  return out;
}

describe("generated Details Flowers schemas", () => {
  it("are what `npm run gen:df` produces from the contract", () => {
    for (const [file, source] of Object.entries(generateDfSources(readContract()))) {
      expect(readFileSync(path.join(OUTPUT_DIR, file), "utf8"), `${file} is stale: run npm run gen:df`).toBe(source);
    }
  });

  it("cover every operation of the contract with an action, except token issuance", () => {
    const contractIds = Object.values(readContract().paths).flatMap((item) => Object.values(item).map((op) => String(op.operationId)));
    expect(Object.keys(dfOperations).sort()).toEqual(contractIds.sort());
    expect(detailsFlowersConnector.operations.length).toBe(contractIds.length - DF_OPERATIONS_WITHOUT_ACTION.length);
  });
});

describe("Details Flowers connector catalog", () => {
  const ops = detailsFlowersConnector.operations;
  it("has unique keys under details-flowers.<resource>.<verb>", () => {
    const keys = [...ops.map((o) => o.key), ...detailsFlowersConnector.triggers.map((t) => t.key)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^details-flowers\.[a-z-]+\.[a-z-]+(\.poll)?$/);
  });

  it.each(ops.map((o) => [o.key, o] as const))("%s: every input and output field is described", (_, op) => {
    expect(undescribed(z.toJSONSchema(op.input, { io: "input" }))).toEqual([]);
    expect(undescribed(z.toJSONSchema(op.output, { io: "output" }))).toEqual([]);
    if (op.example) {
      expect(op.input.safeParse(op.example.input).success).toBe(true);
      expect(op.output.safeParse(op.example.output).success).toBe(true);
    }
  });

  it.each(detailsFlowersConnector.triggers.map((t) => [t.key, t] as const))("%s: payload described, sample parses", (_, trigger) => {
    expect(undescribed(z.toJSONSchema(trigger.payload, { io: "output" }))).toEqual([]);
    expect(trigger.payload.safeParse(trigger.sample).success).toBe(true);
  });
});
