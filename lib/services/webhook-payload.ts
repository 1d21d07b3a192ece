/**
 * A signed webhook is never lost to its content: text PostgreSQL cannot store (NUL, lone
 * surrogates) and nesting past the depth limit are made safe by toPgSafeJson, and the stored
 * payload says so under `_bloombridge.sanitized`, so a run's reader can see what was changed.
 */
import { MAX_JSON_DEPTH, REPLACEMENT_CHARACTER, toPgSafeJson } from "@/lib/json/pg-safe";
import { logger } from "@/lib/log";

export type SanitizedNote = {
  replacedCharacters: number;
  truncatedSubtrees: number;
  /** Dotted paths of the first changes. */
  fields: string[];
  note: string;
};

const NOTE = `Characters PostgreSQL cannot store (\\u0000, unpaired surrogates) were replaced by ${REPLACEMENT_CHARACTER} (U+FFFD); values nested deeper than ${MAX_JSON_DEPTH} levels were replaced by a "[truncated: …]" marker`;

export function storableWebhookPayload(decoded: unknown, source: string): unknown {
  const safe = toPgSafeJson(decoded);
  if (!safe.replaced && !safe.truncated) return decoded;
  const fields = safe.problems.map((p) => p.path.join(".") || "(body)");
  logger.warn({ source, replaced: safe.replaced, truncated: safe.truncated, fields }, "webhook payload had content PostgreSQL cannot store; stored a safe copy");
  if (!safe.value || typeof safe.value !== "object" || Array.isArray(safe.value)) return safe.value;
  const payload = safe.value as Record<string, unknown>;
  const existing = payload._bloombridge && typeof payload._bloombridge === "object" ? payload._bloombridge : {};
  const sanitized: SanitizedNote = { replacedCharacters: safe.replaced, truncatedSubtrees: safe.truncated, fields, note: NOTE };
  return { ...payload, _bloombridge: { ...existing, sanitized } };
}
