import type { ErrorObject, ValidateFunction } from "ajv";

/** Renders ajv errors the way GHL's NestJS class-validator pipe words them. */
export function validationMessages(errors: ErrorObject[] | null | undefined): string[] {
  if (!errors?.length) return [];
  const out: string[] = [];
  // anyOf failures report every branch; keep only the umbrella error.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword !== "anyOf" && e.schemaPath.includes("/anyOf/") && anyOfPaths.has(e.instancePath)) continue;
    if (e.keyword === "if") continue;
    const msg = message(e);
    if (msg && !out.includes(msg)) out.push(msg);
  }
  return out;
}

function dotted(pointer: string): string {
  return pointer.split("/").filter(Boolean).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).join(".");
}

function field(e: ErrorObject): string {
  const path = dotted(e.instancePath);
  const last = path.split(".").pop() ?? "";
  // Errors on primitive array items read "each value in tags must be a string".
  if (/^\d+$/.test(last) && e.keyword !== "required" && e.keyword !== "additionalProperties") {
    const parent = path.split(".").slice(0, -1).join(".");
    return `each value in ${parent}`;
  }
  return path;
}

function join(parent: string, child: string) {
  return parent ? `${parent}.${child}` : child;
}

function message(e: ErrorObject): string | null {
  const p = e.params as Record<string, unknown>;
  const f = field(e);
  switch (e.keyword) {
    case "required":
      return `${join(dotted(e.instancePath), String(p.missingProperty))} should not be empty`;
    case "additionalProperties":
      return `property ${join(dotted(e.instancePath), String(p.additionalProperty))} should not exist`;
    case "type": {
      const t = String(p.type);
      if (t === "string") return `${f} must be a string`;
      if (t === "boolean") return `${f} must be a boolean value`;
      if (t === "number" || t === "integer") return `${f} must be a number conforming to the specified constraints`;
      if (t === "array") return `${f} must be an array`;
      if (t === "object") return `${f} must be an object`;
      return `${f} must be ${t}`;
    }
    case "enum":
      return `${f} must be one of the following values: ${(p.allowedValues as unknown[]).join(", ")}`;
    case "format":
      return p.format === "email" ? `${f} must be an email` : `${f} must be a valid ${String(p.format)}`;
    case "maximum":
      return `${f} must not be greater than ${String(p.limit)}`;
    case "minimum":
      return `${f} must not be less than ${String(p.limit)}`;
    case "maxLength":
      return `${f} must be shorter than or equal to ${String(p.limit)} characters`;
    case "anyOf":
      return `${f || "body"} is invalid`;
    default:
      return `${f || "body"} ${e.message ?? "is invalid"}`;
  }
}

/** Runs a compiled validator and returns GHL-style messages (empty when valid). */
export function check(validator: ValidateFunction | null, value: unknown): string[] {
  if (!validator) return [];
  return validator(value) ? [] : validationMessages(validator.errors);
}
