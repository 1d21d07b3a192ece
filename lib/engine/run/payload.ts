/** History stays bounded: each stored step payload is capped, and truncation is visible. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
const PREVIEW_CHARS = 4_000;

export function capPayload(value: unknown, maxBytes = MAX_PAYLOAD_BYTES): { value: unknown; truncated: boolean } {
  if (value === undefined) return { value: null, truncated: false };
  const json = JSON.stringify(value);
  if (json === undefined) return { value: null, truncated: false };
  const bytes = Buffer.byteLength(json);
  if (bytes <= maxBytes) return { value: JSON.parse(json), truncated: false };
  return { value: { _truncated: true, bytes, preview: json.slice(0, PREVIEW_CHARS) }, truncated: true };
}

/** A storable description of any error, keeping the API's own message and the call. */
export function describeError(error: unknown): { message: string; kind: string; status?: number; apiMessage?: string; call?: unknown; fields?: unknown } {
  if (error && typeof error === "object") {
    const e = error as { message?: string; kind?: string; name?: string; status?: number; apiMessage?: string; call?: unknown; fields?: unknown };
    return {
      message: e.message ?? String(error),
      kind: e.kind ?? e.name ?? "error",
      ...(e.status !== undefined ? { status: e.status } : {}),
      ...(e.apiMessage ? { apiMessage: e.apiMessage } : {}),
      ...(e.call ? { call: e.call } : {}),
      ...(e.fields ? { fields: e.fields } : {}),
    };
  }
  return { message: String(error), kind: "error" };
}
