/**
 * The vocabulary every connector is written in. Operations and triggers are typed plain
 * objects; `registry.ts` lists them explicitly. Connectors import only this file, `http.ts`,
 * `errors.ts`, `canonical.ts` and their own folder — never the database or React.
 */
import { z } from "zod";
import type { HttpClient } from "./http";

export type ConnectorKey = "ghl" | "details-flowers" | "webhook";

/** A cross-system identity, e.g. `{ system: "ghl", type: "contact", id: "abc" }`. */
export type ExternalRef = { system: ConnectorKey; type: string; id: string };

/** The ID map seen from a connector: authoritative links between records of two systems. */
export type IdMapPort = {
  /** The record of `targetSystem` linked to `source`, if any. */
  find(source: ExternalRef, targetSystem: ConnectorKey, targetType: string): Promise<string | null>;
  /** Links two records; idempotent; later links of the same source replace earlier ones. */
  link(source: ExternalRef, target: ExternalRef): Promise<void>;
  /**
   * Runs `write` (look up, create, link) while no other run does so for the same `source` and
   * target type, so two runs racing for one record create it once: the second finds the link.
   */
  exclusive<T>(source: ExternalRef, targetSystem: ConnectorKey, targetType: string, write: () => Promise<T>): Promise<T>;
};

export type ConnectionInfo = {
  id: string;
  /** GHL location id; Details Flowers account id. */
  accountId: string | null;
  scopes: string[];
};

export type OperationContext = {
  /** Base URL, credentials and rate governor already wired in. */
  http: HttpClient;
  connection: ConnectionInfo;
  idMap: IdMapPort;
  /** Stable per (run, node, loop iteration): send it as `Idempotency-Key` on writes. */
  idempotencyKey: string;
  signal?: AbortSignal;
  log?: (message: string, data?: Record<string, unknown>) => void;
};

export type OperationDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  /** Stable dotted key, never renamed once saved workflows can use it: `ghl.contact.upsert`. */
  key: string;
  connector: ConnectorKey;
  /** Grouping for the palette and catalog: `contact`, `task`, `note`... */
  resource: string;
  label: string;
  description: string;
  /** `write` operations change the remote system and must be idempotent under retries. */
  effect: "read" | "write";
  /** OAuth scopes (or permission names) this operation needs. */
  scopes: readonly string[];
  input: I;
  output: O;
  /** Deprecated operations stay runnable; the catalog steers users to the replacement. */
  deprecated?: { reason: string; useInstead?: string };
  example?: { input: z.input<I>; output: z.output<O> };
  run(ctx: OperationContext, input: z.output<I>): Promise<z.input<O>>;
};

/**
 * Marks an operation input field secret (a header with a token, an API key): the graph stores
 * it encrypted, every reader sees it masked, and only the step that runs decrypts it. It is
 * metadata on the zod schema, so JSON Schema (and the editor) carry `secret: true` too.
 */
export function secretField<T extends z.ZodType>(schema: T): T {
  return schema.meta({ secret: true });
}

/** Top-level input fields an operation's schema marks with `secretField`. */
export function secretInputNames(input: z.ZodType): string[] {
  if (!(input instanceof z.ZodObject)) return [];
  return Object.entries(input.shape as Record<string, z.ZodType>)
    .filter(([, field]) => z.globalRegistry.get(field)?.secret === true)
    .map(([name]) => name);
}

/** A normalized trigger event as it enters the engine's queue. */
export type TriggerEvent<P = unknown> = {
  /** Unique per change: a webhook id, or `(id, updatedAt)` for polled records. */
  dedupeKey: string;
  /** The account (GHL location) it happened in, to route it to the right workflows. */
  accountId: string | null;
  occurredAt: string;
  payload: P;
  /** Who it concerns, for run search: contact id / email / name when known. */
  subject?: { id?: string; email?: string; name?: string };
};

export type PollState = { cursor: string | null; seen: string[] };

export type PollContext = {
  http: HttpClient;
  connection: ConnectionInfo;
  state: PollState;
  now: Date;
};

export type TriggerDefinition<P extends z.ZodType = z.ZodType> = {
  key: string;
  connector: ConnectorKey;
  resource: string;
  label: string;
  description: string;
  /** How events arrive: pushed by signed webhook, or fetched on a schedule. */
  delivery: "webhook" | "polling";
  /** Vendor event names this trigger listens to (webhook delivery). */
  eventTypes?: readonly string[];
  scopes: readonly string[];
  payload: P;
  /** A realistic payload for the mapper before a real event exists. */
  sample: z.input<P>;
  /** Polling delivery: fetch changes since the cursor; never emit a seen change twice. */
  poll?: (ctx: PollContext) => Promise<{ events: TriggerEvent<z.output<P>>[]; state: PollState }>;
  /** Webhook delivery: subject and dedupe key of a verified payload. */
  describe?: (payload: z.output<P>) => Pick<TriggerEvent, "subject" | "accountId"> & { dedupeKey?: string };
};

export type AuthDefinition =
  | {
      kind: "oauth2-authorization-code";
      scopes: readonly string[];
      /** Exchange or refresh against the token endpoint; pure HTTP, no storage. */
      exchangeCode(http: HttpClient, code: string, redirectUri: string): Promise<TokenSet>;
      refresh(http: HttpClient, refreshToken: string): Promise<TokenSet>;
    }
  | {
      kind: "oauth2-client-credentials";
      fetchToken(http: HttpClient): Promise<TokenSet>;
    }
  | { kind: "static-bearer" }
  | { kind: "api-key"; header: string };

export type TokenSet = {
  accessToken: string;
  refreshToken?: string;
  expiresAt: Date;
  scopes: string[];
  accountId?: string | null;
  companyId?: string | null;
  raw?: Record<string, unknown>;
};

export type ConnectorDefinition = {
  key: ConnectorKey;
  label: string;
  description: string;
  auth: readonly AuthDefinition[];
  operations: readonly OperationDefinition[];
  triggers: readonly TriggerDefinition[];
};

export function defineOperation<I extends z.ZodType, O extends z.ZodType>(
  definition: OperationDefinition<I, O>,
): OperationDefinition<I, O> {
  return definition;
}

export function defineTrigger<P extends z.ZodType>(definition: TriggerDefinition<P>): TriggerDefinition<P> {
  return definition;
}

export function defineConnector(definition: ConnectorDefinition): ConnectorDefinition {
  return definition;
}
