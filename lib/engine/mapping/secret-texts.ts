/**
 * Text a user typed into a secret input (see `secretField`): literal strings at any depth
 * and a template's text parts. References and expressions are not secrets themselves.
 * Pure, so the editor's validation can use it; sealing lives in lib/engine/step-secrets.ts.
 */
import type { Mapping } from "./schema";

/** What readers see instead of a saved secret. Sending it back keeps the stored value. */
export const SECRET_MASK = "••••••";

/** Called per text with the value stored at the same place before (or undefined). */
export type SecretLeaf = (text: string, stored: unknown) => string;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function walkValue(value: unknown, stored: unknown, leaf: SecretLeaf): unknown {
  if (typeof value === "string") return value === "" ? value : leaf(value, stored);
  if (Array.isArray(value)) return value.map((item, i) => walkValue(item, Array.isArray(stored) ? stored[i] : undefined, leaf));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walkValue(item, isRecord(stored) ? stored[key] : undefined, leaf)]));
  }
  return value;
}

/** `mapping` with every secret text replaced by `leaf(text, the text stored there before)`. */
export function mapSecretTexts(mapping: Mapping, stored: unknown, leaf: SecretLeaf): Mapping {
  const before = isRecord(stored) && stored.kind === mapping.kind ? stored : {};
  switch (mapping.kind) {
    case "literal":
      return { ...mapping, value: walkValue(mapping.value, before.value, leaf) };
    case "template": {
      const parts = Array.isArray(before.parts) ? before.parts : [];
      return { ...mapping, parts: mapping.parts.map((part, i) => (typeof part === "string" && part !== "" ? leaf(part, parts[i]) : part)) };
    }
    case "pipeline":
      return { ...mapping, source: mapSecretTexts(mapping.source, before.source, leaf) };
    default:
      return mapping;
  }
}

/** Whether a secret input still holds a mask, e.g. after importing an export. */
export function holdsMask(mapping: Mapping): boolean {
  let found = false;
  mapSecretTexts(mapping, undefined, (text) => {
    if (text === SECRET_MASK) found = true;
    return text;
  });
  return found;
}

/** Whether an input key (`headers` or a path into it, `headers.authorization`) falls under a secret field. */
export function isSecretInputKey(key: string, secretFields: ReadonlySet<string>): boolean {
  if (secretFields.size === 0) return false;
  return secretFields.has(key) || secretFields.has(key.split(/[.[]/, 1)[0]);
}
