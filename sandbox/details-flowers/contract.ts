/** Routes and ajv validators derived from the contract, so the sandbox cannot drift from it. */
import Ajv2020Import, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsImport from "ajv-formats";
import { loadDfContract, resolvePointer, type OpenApiDoc, type OpenApiOperation } from "../../contracts/details-flowers/index";
import { HttpError, type FieldError } from "./http-util";

// Both packages are CommonJS with a `default` property; pick whichever the loader handed us.
const Ajv2020 = ((Ajv2020Import as unknown as { default?: typeof Ajv2020Import }).default ?? Ajv2020Import);
const addFormats = ((addFormatsImport as unknown as { default?: typeof addFormatsImport }).default ?? addFormatsImport);

type Json = Record<string, unknown>;
type Param = { name: string; in: "query" | "path" | "header"; required?: boolean; schema: Json; explode?: boolean };

export type Route = {
  method: string;
  template: string;
  operationId: string;
  op: OpenApiOperation;
  write: boolean;
  public: boolean;
  paramCount: number;
  regex: RegExp;
  paramNames: string[];
  queryArrays: Set<string>;
  validateQuery: ValidateFunction;
  validatePath: ValidateFunction;
  headerParams: Param[];
  validateHeaders: ValidateFunction;
  body: { mediaType: string; required: boolean; validate: ValidateFunction } | null;
};

const pointerEscape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** Rewrites local refs so ad-hoc schemas can point into the registered contract. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `df${v}` : rebase(v)]));
  }
  return node;
}

function newAjv(coerce: boolean) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: coerce ? "array" : false, useDefaults: coerce });
  addFormats(ajv);
  return ajv;
}

let cached: { doc: OpenApiDoc; routes: Route[]; responseAjv: InstanceType<typeof Ajv2020> } | null = null;

export function contract() {
  if (cached) return cached;
  const doc = loadDfContract();
  const bodyAjv = newAjv(false);
  const paramAjv = newAjv(true);
  for (const ajv of [bodyAjv, paramAjv]) ajv.addSchema(doc as unknown as Json, "df");
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters ?? []).map((p) => (typeof p.$ref === "string" ? resolvePointer(doc, p.$ref) : p) as Param);
      const objectOf = (where: Param["in"]) => {
        const list = params.filter((p) => p.in === where);
        return {
          type: "object",
          properties: Object.fromEntries(list.map((p) => [p.name, rebase(p.schema)])),
          required: list.filter((p) => p.required).map((p) => p.name),
          additionalProperties: where !== "query" ? true : false,
        };
      };
      const paramNames = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const [mediaType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const bodyPointer = `df#/paths/${pointerEscape(template)}/${method}/requestBody/content/${pointerEscape(mediaType ?? "")}/schema`;
      routes.push({
        method: method.toUpperCase(),
        template,
        operationId: op.operationId,
        op,
        write: method !== "get",
        public: Array.isArray(op.security) && op.security.length === 0,
        paramCount: paramNames.length,
        regex: new RegExp(`^${template.replace(/\{\w+\}/g, "([^/]+)")}$`),
        paramNames,
        queryArrays: new Set(params.filter((p) => p.in === "query" && p.schema.type === "array").map((p) => p.name)),
        validateQuery: paramAjv.compile(objectOf("query")),
        validatePath: paramAjv.compile(objectOf("path")),
        headerParams: params.filter((p) => p.in === "header"),
        validateHeaders: paramAjv.compile(objectOf("header")),
        body: media ? { mediaType, required: op.requestBody?.required ?? false, validate: bodyAjv.compile({ $ref: bodyPointer }) } : null,
      });
    }
  }
  // Static segments win over {id}: /clients/upsert before /clients/{id}.
  routes.sort((a, b) => a.paramCount - b.paramCount);
  const responseAjv = newAjv(false);
  responseAjv.addSchema(doc as unknown as Json, "df");
  cached = { doc, routes, responseAjv };
  return cached;
}

export function matchRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const route of contract().routes) {
    if (route.method !== method) continue;
    const m = route.regex.exec(pathname);
    if (!m) continue;
    const params = Object.fromEntries(route.paramNames.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
    return { route, params };
  }
  return null;
}

export function toFieldErrors(errors: ErrorObject[] | null | undefined, prefix: string): FieldError[] {
  const byField = new Map<string, string>();
  for (const e of errors ?? []) {
    const base = [prefix, ...e.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))].filter(Boolean).join(".");
    let field = base || "body";
    let message = e.message ?? "is invalid";
    if (e.keyword === "required") {
      field = [base, (e.params as { missingProperty: string }).missingProperty].filter(Boolean).join(".");
      message = "is required";
    } else if (e.keyword === "additionalProperties") {
      field = [base, (e.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join(".");
      message = prefix === "query" ? "is not a known parameter" : "is not a known field";
    } else if (e.keyword === "enum") {
      message = `must be one of: ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(", ")}`;
    }
    if (!byField.has(field)) byField.set(field, message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

function check(validate: ValidateFunction, data: unknown, prefix: string) {
  if (!validate(data)) throw new HttpError("validation_failed", "Request validation failed", toFieldErrors(validate.errors, prefix));
}

export type ParsedRequest = { query: Json; params: Json; body: unknown };

/** Validates path, query, headers and body; returns coerced values. Throws 422 on failure. */
export function validateRequest(route: Route, params: Record<string, string>, search: URLSearchParams, headers: Record<string, string | string[] | undefined>, raw: Buffer, contentType: string): ParsedRequest {
  const query: Json = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    query[key] = route.queryArrays.has(key) ? values.flatMap((v) => v.split(",")).filter(Boolean) : values[values.length - 1];
  }
  const pathValues: Json = { ...params };
  const headerValues = Object.fromEntries(route.headerParams.map((p) => [p.name, headers[p.name.toLowerCase()]]).filter(([, v]) => v !== undefined));
  const errors: FieldError[] = [];
  for (const [validate, data, prefix] of [[route.validatePath, pathValues, "path"], [route.validateQuery, query, "query"], [route.validateHeaders, headerValues, "header"]] as const) {
    try { check(validate, data, prefix); } catch (err) { if (err instanceof HttpError) errors.push(...(err.details ?? [])); else throw err; }
  }
  let body: unknown;
  if (route.body) {
    const text = raw.toString("utf8");
    if (text.trim() === "") {
      if (route.body.required) errors.push({ field: "body", message: "is required" });
    } else if (route.body.mediaType === "application/x-www-form-urlencoded") {
      if (!contentType.includes("application/x-www-form-urlencoded")) errors.push({ field: "body", message: "must be application/x-www-form-urlencoded" });
      else body = Object.fromEntries(new URLSearchParams(text));
    } else {
      try { body = JSON.parse(text); } catch { errors.push({ field: "body", message: "is not valid JSON" }); }
    }
    if (body !== undefined) {
      try { check(route.body.validate, body, ""); } catch (err) { if (err instanceof HttpError) errors.push(...(err.details ?? [])); else throw err; }
    }
  }
  if (errors.length) throw new HttpError("validation_failed", "Request validation failed", errors);
  return { query, params: pathValues, body };
}

