/** Idempotency-Key handling: replay identical retries, refuse a key reused for a different request. */
import { createHash } from "node:crypto";
import { HttpError, stableStringify } from "./http-util";
import type { State, StoredResponse } from "./types";

const TTL_MS = 24 * 60 * 60 * 1000;

export function fingerprint(method: string, pathname: string, raw: Buffer): string {
  let canonical: string;
  try {
    canonical = stableStringify(JSON.parse(raw.toString("utf8") || "null"));
  } catch {
    canonical = raw.toString("utf8");
  }
  return createHash("sha256").update(`${method} ${pathname}\n${canonical}`).digest("hex");
}

/** Returns the stored response to replay, or null when this key is new. */
export function lookup(state: State, scopedKey: string, print: string): StoredResponse | null {
  const entry = state.idempotency[scopedKey];
  if (!entry || Date.now() - entry.storedAt > TTL_MS) return null;
  if (entry.fingerprint !== print) {
    throw new HttpError("idempotency_key_reused", "This Idempotency-Key was already used with a different request", [
      { field: "header.Idempotency-Key", message: "was used before with a different method, path or body" },
    ]);
  }
  return entry.response;
}

export function remember(state: State, scopedKey: string, print: string, response: StoredResponse) {
  const now = Date.now();
  state.idempotency[scopedKey] = { fingerprint: print, response, storedAt: now };
  for (const [k, v] of Object.entries(state.idempotency)) if (now - v.storedAt > TTL_MS) delete state.idempotency[k];
}
