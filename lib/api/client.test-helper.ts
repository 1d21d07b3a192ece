/** Calls /api/v1 route handlers directly, as Next.js would, with a real API key. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Role } from "@/lib/auth/roles";
import { disconnectDb } from "@/lib/db/client";
import { stopQueue } from "@/lib/engine/queue";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type ApiResult<T = Record<string, unknown>> = { status: number; body: T };

export async function apiKeyFor(role: Role): Promise<string> {
  return (await createApiKey({ name: `test ${role} ${randomUUID().slice(0, 6)}`, role })).key;
}

/** An editor and a viewer key for the test file (filled in before its tests); queue and database closed after. */
export function apiTestKeys(): { editor: string; viewer: string } {
  const keys = { editor: "", viewer: "" };
  beforeAll(async () => {
    keys.editor = await apiKeyFor("editor");
    keys.viewer = await apiKeyFor("viewer");
  });
  afterAll(async () => {
    await stopQueue();
    await disconnectDb();
  });
  return keys;
}

// Tests read loosely-typed JSON bodies; `any` keeps assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(
  handler: Handler,
  options: { key?: string; method?: string; path?: string; query?: Record<string, string>; body?: unknown; params?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const url = new URL(`http://localhost/api/v1${options.path ?? "/"}`);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const req = new Request(url, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers: { ...(options.key ? { authorization: `Bearer ${options.key}` } : {}), "content-type": "application/json" },
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  return { status: res.status, body: (await res.json()) as T };
}

/** A graph that publishes: just a trigger (runs end right after it). */
export const TRIGGER_ONLY_GRAPH = {
  schemaVersion: 1,
  nodes: [{ id: "trigger", label: "New contact", position: { x: 0, y: 0 }, kind: "trigger", triggerKey: "ghl.contact.created" }],
  edges: [],
};

/** Well-formed but not publishable: the action's operation does not exist. */
export const UNPUBLISHABLE_GRAPH = {
  schemaVersion: 1,
  nodes: [
    ...TRIGGER_ONLY_GRAPH.nodes,
    { id: "ghost", label: "Ghost step", position: { x: 200, y: 0 }, kind: "action", operationKey: "ghl.nothing.here", inputs: {} },
  ],
  edges: [{ id: "e1", source: "trigger", target: "ghost" }],
};
