/** Loads the Details Flowers contract (Bloombridge's assumed OpenAPI document). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DF_CONTRACT_PATH = fileURLToPath(new URL("./openapi.json", import.meta.url));

export type OpenApiDoc = {
  openapi: string;
  info: { title: string; description: string; "x-bloombridge-assumption"?: boolean };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Record<string, unknown>>; [k: string]: unknown };
  [k: string]: unknown;
};
export type OpenApiOperation = {
  operationId: string;
  summary: string;
  description: string;
  parameters?: Record<string, unknown>[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, Record<string, unknown>>;
  security?: unknown[];
};

export function loadDfContract(): OpenApiDoc {
  return JSON.parse(readFileSync(DF_CONTRACT_PATH, "utf8")) as OpenApiDoc;
}

/** Resolves a local JSON pointer like `#/components/schemas/Client`. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  if (!pointer.startsWith("#/")) throw new Error(`Only local refs are used in this contract: ${pointer}`);
  return pointer.slice(2).split("/").reduce<unknown>((node, raw) => {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    return node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }, doc);
}
