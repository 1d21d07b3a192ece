/**
 * Refuses outbound requests to addresses inside our own network (loopback, private ranges,
 * cloud metadata at 169.254.169.254…), so a user-supplied URL cannot reach internal services.
 * Every resolved address must be public: one private A record is enough to refuse. The ranges
 * come from ipaddr.js (IANA special-purpose registries), plus this machine's own interface
 * addresses, since the app listens on all of them.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import os from "node:os";
import ipaddr from "ipaddr.js";
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
  /** This machine's interface addresses; tests inject them. Defaults to `os.networkInterfaces()`. */
  localAddresses?: () => string[];
};

export type GuardedTarget = { url: URL; hostname: string; addresses: string[] };

// ipaddr.js names every IANA special-purpose range; only "unicast" is the public internet.
const RANGE_LABELS: Record<string, string> = {
  unspecified: "unspecified / \"this network\"",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "carrier-grade NAT",
  private: "private",
  reserved: "reserved, documentation or benchmarking",
  amt: "AMT relay",
  as112: "AS112 DNS",
  uniqueLocal: "unique-local",
  ipv4Mapped: "IPv4-mapped",
  rfc6145: "IPv4-translated",
  rfc6052: "NAT64",
  "6to4": "6to4",
  teredo: "Teredo",
  benchmarking: "benchmarking",
  as112v6: "AS112 DNS",
  deprecatedSiteLocal: "site-local",
  discard: "discard-only",
  deprecatedOrchid: "ORCHID",
  orchid2: "ORCHIDv2",
  droneRemoteIdProtocolEntityTags: "drone remote ID",
};
type AnyAddress = ipaddr.IPv4 | ipaddr.IPv6;
// ipaddr.js keeps its range table on the prototype without typing it.
type Block = [AnyAddress, number];
type SpecialRanges = Record<string, Block | Block[]>;

/** "private (10.0.0.0/8)": the range's name and the block the address falls in. */
function label(address: AnyAddress, range: string): string {
  const table = (Object.getPrototypeOf(address) as { SpecialRanges?: SpecialRanges }).SpecialRanges ?? {};
  const entry = table[range] ?? [];
  const blocks: Block[] = entry.length === 2 && typeof entry[1] === "number" ? [entry as Block] : (entry as Block[]);
  const hit = blocks.find(([base, bits]) => address.kind() === base.kind() && address.match([base, bits]));
  const name = RANGE_LABELS[range] ?? range;
  return hit ? `${name} (${hit[0].toString()}/${hit[1]})` : name;
}

function v4Reason(address: ipaddr.IPv4): string | null {
  const range = address.range();
  return range === "unicast" ? null : label(address, range);
}

/** The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4, Teredo), if any. */
function embeddedV4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = address.parts;
  const tail = () => new ipaddr.IPv4([parts[6] >> 8, parts[6] & 0xff, parts[7] >> 8, parts[7] & 0xff]);
  const range = address.range();
  if (range === "ipv4Mapped" || range === "rfc6145" || range === "rfc6052") return tail();
  // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks).
  if (parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7] > 1)) return tail();
  if (range === "6to4") return new ipaddr.IPv4([parts[1] >> 8, parts[1] & 0xff, parts[2] >> 8, parts[2] & 0xff]);
  if (range === "teredo") {
    // Teredo stores the client's address inverted in the last 32 bits.
    return new ipaddr.IPv4([(parts[6] >> 8) ^ 0xff, (parts[6] & 0xff) ^ 0xff, (parts[7] >> 8) ^ 0xff, (parts[7] & 0xff) ^ 0xff]);
  }
  return null;
}

function v6Reason(address: ipaddr.IPv6): string | null {
  const inner = embeddedV4(address);
  if (inner) {
    const reason = v4Reason(inner);
    if (reason) return `IPv4-embedded ${reason}`;
  }
  const range = address.range();
  // Embedding a public IPv4 address is fine for mapped/NAT64 forms; other special ranges are not.
  if (range === "unicast" || (inner && ["ipv4Mapped", "rfc6052", "rfc6145"].includes(range))) return null;
  return label(address, range);
}

/** Why an IP address is not public, or `null` when it is. Unparseable input counts as blocked. */
export function blockedReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "").split("%")[0];
  const family = isIP(bare);
  if (family === 4) return v4Reason(ipaddr.IPv4.parse(bare));
  if (family === 6) return v6Reason(ipaddr.IPv6.parse(bare));
  return "not an IP address";
}

/** This machine's own addresses (every interface): reaching them reaches the app itself. */
function ownAddresses(list: () => string[] = interfaceAddresses): Set<string> {
  return new Set(list().map(normalise));
}

const interfaceAddresses = () => Object.values(os.networkInterfaces()).flatMap((entries) => (entries ?? []).map((e) => e.address));

function normalise(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").split("%")[0];
  if (!ipaddr.isValid(bare)) return bare;
  const parsed = ipaddr.parse(bare);
  // ::ffff:a.b.c.d is the same host as a.b.c.d.
  return (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed).toNormalizedString();
}

/** `blockedReason`, plus this host's own interface addresses. */
export function refusedReason(address: string, own: ReadonlySet<string> = ownAddresses()): string | null {
  return blockedReason(address) ?? (own.has(normalise(address)) ? "this server's own" : null);
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
    const own = ownAddresses(options.localAddresses);
    for (const address of addresses) {
      const reason = refusedReason(address, own);
      if (reason) refuse(url, address, reason);
    }
  }
  return { url, hostname, addresses };
}
