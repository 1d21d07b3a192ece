import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import contactsDoc from "../../vendor/ghl-openapi/apps/contacts.json" with { type: "json" };
import oauthDoc from "../../vendor/ghl-openapi/apps/oauth.json" with { type: "json" };
import commonDoc from "../../vendor/ghl-openapi/common/common-schemas.json" with { type: "json" };
import webhookDoc from "../../vendor/ghl-openapi/webhook-events.json" with { type: "json" };
import { patchContactsSpec } from "./spec-patches";

// Ids are chosen so `../common/common-schemas.json#/...` refs resolve like on disk.
export const CONTACTS_ID = "https://ghl-sandbox.local/apps/contacts.json";
export const OAUTH_ID = "https://ghl-sandbox.local/apps/oauth.json";
const COMMON_ID = "https://ghl-sandbox.local/common/common-schemas.json";

type Json = Record<string, unknown>;
interface RawParam { name: string; in: string; required?: boolean; schema: Json }
interface RawOperation {
  operationId: string;
  parameters?: RawParam[];
  requestBody?: { required?: boolean; content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
  security?: Record<string, string[]>[];
}

export interface SpecOperation {
  operationId: string;
  method: string;
  /** Spec path, e.g. `/contacts/{contactId}/tasks`. */
  path: string;
  scopes: string[];
  successStatus: number;
  bodyRequired: boolean;
  validateBody: ValidateFunction | null;
  validateQuery: ValidateFunction | null;
  responseRefs: Record<string, string>;
}

function newAjv(coerce: boolean) {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: coerce });
  addFormats(ajv);
  ajv.addSchema(commonDoc as Json, COMMON_ID);
  ajv.addSchema(patchContactsSpec(contactsDoc as Json), CONTACTS_ID);
  ajv.addSchema(oauthDoc as Json, OAUTH_ID);
  return ajv;
}

const bodyAjv = newAjv(false);
const queryAjv = newAjv(true);
/** Responses are checked against the spec exactly as vendored (no patches). */
const responseAjv = new Ajv({ strict: false, allErrors: true });
addFormats(responseAjv);
responseAjv.addSchema(commonDoc as Json, COMMON_ID);
responseAjv.addSchema(contactsDoc as Json, CONTACTS_ID);
responseAjv.addSchema(oauthDoc as Json, OAUTH_ID);

function absolute(ref: string, base: string) {
  return ref.startsWith("#") ? base + ref : new URL(ref, base).href;
}

function buildOperations(doc: Json, base: string): SpecOperation[] {
  const ops: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, RawOperation>>)) {
    for (const [method, op] of Object.entries(item)) {
      const queryParams = (op.parameters ?? []).filter((p) => p.in === "query");
      const bodyContent = op.requestBody?.content ?? {};
      const bodySchema = Object.values(bodyContent)[0]?.schema;
      const responseRefs: Record<string, string> = {};
      for (const [status, r] of Object.entries(op.responses)) {
        const ref = r.content?.["application/json"]?.schema?.$ref;
        if (ref) responseRefs[status] = absolute(ref, base);
      }
      const declared = op.security?.flatMap((s) => Object.values(s).flat()) ?? [];
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        // Bulk operations declare no security; GHL still requires a write-scoped token.
        scopes: declared.length ? declared : ["contacts.write"],
        successStatus: Number(Object.keys(op.responses).find((s) => s.startsWith("2")) ?? 200),
        bodyRequired: Boolean(op.requestBody?.required),
        validateBody: bodySchema ? bodyAjv.compile({ $ref: absolute(bodySchema.$ref, base) }) : null,
        validateQuery: queryParams.length
          ? queryAjv.compile({
              type: "object",
              properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
              required: queryParams.filter((p) => p.required).map((p) => p.name),
            })
          : null,
        responseRefs,
      });
    }
  }
  return ops;
}

const patchedContacts = patchContactsSpec(contactsDoc as Json);
export const CONTACT_OPERATIONS = buildOperations(patchedContacts, CONTACTS_ID);
export const OAUTH_OPERATIONS = buildOperations(oauthDoc as Json, OAUTH_ID);

const byId = new Map([...CONTACT_OPERATIONS, ...OAUTH_OPERATIONS].map((o) => [o.operationId, o]));

export function specOperation(operationId: string): SpecOperation {
  const op = byId.get(operationId);
  if (!op) throw new Error(`Unknown operationId ${operationId}`);
  return op;
}

const responseValidators = new Map<string, ValidateFunction>();

/** Validator for an operation's response body at a status; null when the spec gives no schema. */
export function responseValidator(operationId: string, status: number): ValidateFunction | null {
  const ref = specOperation(operationId).responseRefs[String(status)];
  if (!ref) return null;
  let v = responseValidators.get(ref);
  if (!v) {
    v = responseAjv.compile({ $ref: ref });
    responseValidators.set(ref, v);
  }
  return v;
}

type WebhookEvents = Record<string, { schema: Json; examples: Json[] }>;
export const WEBHOOK_EVENTS = (webhookDoc as { events: WebhookEvents }).events;

const webhookValidators = new Map<string, ValidateFunction>();
export function webhookValidator(eventName: string): ValidateFunction {
  let v = webhookValidators.get(eventName);
  if (!v) {
    v = responseAjv.compile(WEBHOOK_EVENTS[eventName].schema);
    webhookValidators.set(eventName, v);
  }
  return v;
}
