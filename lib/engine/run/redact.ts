/**
 * Secrets never reach run history: before a step's input, output, error or calls are
 * checkpointed, values under secret-looking keys are replaced. Names are compared without
 * case, `_` or `-`, so `client_secret`, `clientSecret` and `Client-Secret` all match.
 * A later step that needs such a value must get it from a connection, not from history.
 */
export const REDACTED = "[redacted]";

const SECRET_NAMES = new Set([
  "secret",
  "token",
  "password",
  "passwd",
  "apikey",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "clientsecret",
  "authorization",
  "cookie",
  "setcookie",
  "privatekey",
  "signingsecret",
  "webhooksecret",
]);
// Suffixes catch vendor variants (`webhookSigningSecret`, `userPassword`, `x-api-key`) while
// leaving pagination cursors such as `nextPageToken` readable.
const SECRET_SUFFIXES = ["secret", "password", "apikey", "accesstoken", "refreshtoken", "privatekey"];

export function isSecretKey(key: string): boolean {
  const name = key.toLowerCase().replace(/[_-]/g, "");
  return SECRET_NAMES.has(name) || SECRET_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, isSecretKey(key) && inner !== null && inner !== undefined && inner !== "" ? REDACTED : redactSecrets(inner)]),
    ) as T;
  }
  return value;
}
