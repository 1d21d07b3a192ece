/**
 * Refuses outbound requests to addresses inside our own network (loopback, private ranges,
 * cloud metadata at 169.254.169.254…), so a user-supplied URL cannot reach internal services.
 * Every resolved address must be public: one private A record is enough to refuse.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { FatalError, RetryableError } from "./errors";

export type LookupAddress = { address: string; family: number };
export type LookupFn = (hostname: string, options: { all: true }) => Promise<LookupAddress[]>;

export type SsrfGuardOptions = {
  /** Allow loopback and private targets (local development, self-hosted receivers). */
  allowPrivate?: boolean;
  /** Hostnames or IP literals allowed even when they resolve to private addresses. */
  allowHosts?: readonly string[];
  /** DNS resolver; tests inject one. Defaults to `dns.promises.lookup` with `all: true`. */
  lookup?: LookupFn;
};

export type GuardedTarget = { url: URL; hostname: string; addresses: string[] };

type Range = { base: bigint; bits: number; label: string };

const V4_BLOCKED: Array<[string, number, string]> = [
  ["0.0.0.0", 8, "\"this network\" (0.0.0.0/8)"],
  ["10.0.0.0", 8, "private (10.0.0.0/8)"],
  ["100.64.0.0", 10, "carrier-grade NAT (100.64.0.0/10)"],
  ["127.0.0.0", 8, "loopback (127.0.0.0/8)"],
  ["169.254.0.0", 16, "link-local / cloud metadata (169.254.0.0/16)"],
  ["172.16.0.0", 12, "private (172.16.0.0/12)"],
  ["192.0.0.0", 24, "IETF protocol assignments (192.0.0.0/24)"],
  ["192.168.0.0", 16, "private (192.168.0.0/16)"],
  ["198.18.0.0", 15, "benchmarking (198.18.0.0/15)"],
  ["224.0.0.0", 4, "multicast (224.0.0.0/4)"],
  ["240.0.0.0", 4, "reserved (240.0.0.0/4)"],
];

const V6_BLOCKED: Array<[string, number, string]> = [
  ["::", 128, "unspecified (::)"],
  ["::1", 128, "loopback (::1)"],
  ["fe80::", 10, "link-local (fe80::/10)"],
  ["fec0::", 10, "site-local (fec0::/10)"],
  ["fc00::", 7, "unique-local (fc00::/7)"],
  ["ff00::", 8, "multicast (ff00::/8)"],
];

function v4ToBigInt(address: string): bigint {
  return address.split(".").reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** Expands any textual IPv6 form (`::`, embedded IPv4 tail, zone id) to a 128-bit integer. */
function v6ToBigInt(address: string): bigint {
  let text = address.split("%")[0].toLowerCase();
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail) {
    const n = v4ToBigInt(v4Tail[1]);
    text = text.slice(0, -v4Tail[1].length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - headParts.length - tailParts.length).fill("0");
  return [...headParts, ...fill, ...tailParts].reduce((acc, part) => (acc << 16n) | BigInt(parseInt(part, 16)), 0n);
}

const toRanges = (list: Array<[string, number, string]>, parse: (a: string) => bigint): Range[] =>
  list.map(([base, bits, label]) => ({ base: parse(base), bits, label }));
const V4_RANGES = toRanges(V4_BLOCKED, v4ToBigInt);
const V6_RANGES = toRanges(V6_BLOCKED, v6ToBigInt);

function matchRange(value: bigint, width: number, ranges: Range[]): string | null {
  for (const range of ranges) {
    const shift = BigInt(width - range.bits);
    if (value >> shift === range.base >> shift) return range.label;
  }
  return null;
}

/** Why an IP address is not public, or `null` when it is. Unparseable input counts as blocked. */
export function blockedReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare.split("%")[0]);
  if (family === 4) return matchRange(v4ToBigInt(bare), 32, V4_RANGES);
  if (family !== 6) return "not an IP address";
  const value = v6ToBigInt(bare);
  const high96 = value >> 32n;
  const v4 = value & 0xffffffffn;
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach IPv4 hosts.
  const embeds = high96 === 0xffffn || (high96 === 0n && v4 > 1n) || high96 === 0x64ff9b0000000000000000n;
  if (embeds) {
    const inner = matchRange(v4, 32, V4_RANGES);
    return inner ? `IPv4-embedded ${inner}` : null;
  }
  return matchRange(value, 128, V6_RANGES);
}

const defaultLookup: LookupFn = (hostname, options) => dnsLookup(hostname, options);

function refuse(url: URL, address: string, reason: string): never {
  const via = url.hostname.replace(/^\[|\]$/g, "") === address ? "" : ` (resolves to ${address})`;
  throw new FatalError(
    `Refusing to send to ${url.host}${via}: ${reason} addresses are not allowed as webhook targets. ` +
      "Use a public URL, or ask an administrator to allow private targets.",
  );
}

/**
 * Resolves `input` and throws `FatalError` unless it is an http(s) URL whose every address is
 * public (or explicitly allowed). Returns the parsed URL and the addresses checked.
 */
export async function assertPublicUrl(input: string | URL, options: SsrfGuardOptions = {}): Promise<GuardedTarget> {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    throw new FatalError(`"${String(input)}" is not a valid URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FatalError(`Only http and https URLs are allowed, not "${url.protocol.replace(/:$/, "")}".`);
  }
  if (url.username || url.password) throw new FatalError("Put credentials in headers, not in the URL.");
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const allowed = options.allowPrivate || (options.allowHosts ?? []).some((h) => h.toLowerCase() === hostname.toLowerCase());

  let addresses: string[];
  if (isIP(hostname)) addresses = [hostname];
  else {
    try {
      addresses = (await (options.lookup ?? defaultLookup)(hostname, { all: true })).map((a) => a.address);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === "EAI_AGAIN") throw new RetryableError(`DNS lookup for ${hostname} failed temporarily.`, { cause });
      throw new FatalError(`The host ${hostname} could not be found (DNS ${code ?? "error"}).`, { cause });
    }
    if (addresses.length === 0) throw new FatalError(`The host ${hostname} has no addresses.`);
  }
  if (!allowed) {
    for (const address of addresses) {
      const reason = blockedReason(address);
      if (reason) refuse(url, address, reason);
    }
  }
  return { url, hostname, addresses };
}
