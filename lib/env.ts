/**
 * The whole configuration surface, parsed once with zod. A bad value stops start-up with a
 * message that names the variable. The README's configuration table mirrors `envSchema`.
 */
import net from "node:net";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");
// Ports that browsers and Node's fetch refuse to connect to (WHATWG Fetch "bad ports").
const BLOCKED_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389,
  427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566,
  6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);
const port = z.coerce
  .number()
  .int()
  .min(1)
  .max(65535)
  .refine((p) => !BLOCKED_PORTS.has(p), { message: "browsers and fetch refuse to connect to this port; choose another" });
const url = z.url({ protocol: /^https?$/ });
/** Comma-separated IP addresses and CIDR ranges (IPv4 or IPv6), as one set to check addresses against. */
const addressSet = z.string().transform((value, ctx) => {
  const set = new net.BlockList();
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const family = net.isIP(address) === 4 ? "ipv4" : net.isIP(address) === 6 ? "ipv6" : undefined;
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = family === "ipv4" ? 32 : 128;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(prefix) && bits <= max))) {
      ctx.addIssue({ code: "custom", message: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)` });
    } else if (bits === undefined) set.addAddress(address, family);
    else set.addSubnet(address, bits, family);
  }
  return set;
});
const optionalString = z.string().trim().min(1).optional();
const bodyBytes = z.coerce.number().int().min(1024, "must be at least 1024 bytes").max(100 * 1024 * 1024, "must be at most 104857600 bytes (100 MB)");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000).describe("Port of the web app"),
  BLOOMBRIDGE_PUBLIC_URL: url.optional().describe("Public base URL of the app (OAuth redirects, webhook URLs)"),
  BLOOMBRIDGE_TRUSTED_PROXIES: addressSet
    .prefault("")
    .describe("Reverse proxies whose X-Forwarded-For is believed (IPs/CIDRs); none = the connecting address is the client"),
  BLOOMBRIDGE_DATA_DIR: z.string().default(".data").describe("Where embedded data, keys and sandbox state live"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional()
    .describe("PostgreSQL connection URL; unset = embedded PostgreSQL in ./.data/"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  BLOOMBRIDGE_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=_-]{43,}$/, "must be 32 random bytes, base64 (openssl rand -base64 32)")
    .optional(),
  BLOOMBRIDGE_PREVIOUS_ENCRYPTION_KEYS: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BLOOMBRIDGE_ADMIN_EMAIL: z.email().optional(),
  BLOOMBRIDGE_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  BLOOMBRIDGE_BOOTSTRAP_API_KEY: z
    .string()
    .regex(/^bb_[A-Za-z0-9_-]{24,}$/, "must look like bb_ followed by at least 24 letters, digits, _ or -")
    .optional(),
  OIDC_ISSUER: url.optional(),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: z.string().default("Single sign-on"),
  OIDC_DEFAULT_ROLE: z.enum(["admin", "editor", "viewer"]).default("viewer"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  BLOOMBRIDGE_RATE_GUARD_MS: z.coerce.number().int().min(0).max(10_000).default(500).describe("Margin added to each API rate window against arrival jitter"),
  BLOOMBRIDGE_SANDBOXES: bool.default(true).describe("Start the local GHL and Details Flowers sandboxes"),
  GHL_API_BASE_URL: url.optional(),
  GHL_OAUTH_AUTHORIZE_URL: url.optional(),
  GHL_CLIENT_ID: optionalString,
  GHL_CLIENT_SECRET: optionalString,
  GHL_WEBHOOK_PUBLIC_KEY: z.string().optional(),
  GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY: z.string().optional(),
  GHL_SANDBOX_PORT: port.default(4010),
  DF_API_BASE_URL: url.optional(),
  DF_CLIENT_ID: optionalString,
  DF_CLIENT_SECRET: optionalString,
  DF_API_KEY: optionalString,
  DF_WEBHOOK_SECRET: optionalString,
  DF_SANDBOX_PORT: port.default(4020),
  BLOOMBRIDGE_MAX_API_BODY_BYTES: bodyBytes.default(1024 * 1024).describe("Largest /api/v1 request body; larger ones get 413"),
  BLOOMBRIDGE_MAX_WEBHOOK_BODY_BYTES: bodyBytes.default(1024 * 1024).describe("Largest inbound webhook body; larger ones get 413 before any signature check"),
  BLOOMBRIDGE_WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  BLOOMBRIDGE_WEBHOOK_ALLOW_HOSTS: z.string().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be smtp:// or smtps://").optional(),
  ALERT_EMAIL_FROM: z.email().default("bloombridge@localhost"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const value = cleaned[name];
    const shown = value === undefined || /SECRET|PASSWORD|KEY/.test(name) ? "" : ` (got "${value}")`;
    return `  ${name}: ${issue.message}${shown}`;
  });
  throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
