import http from "node:http";
import { BlockList } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, installClientAddressStamp, resolveClientAddress } from "./client-address";

const proxies = (list: string) => parseEnv({ BLOOMBRIDGE_TRUSTED_PROXIES: list }).BLOOMBRIDGE_TRUSTED_PROXIES;

describe("resolveClientAddress", () => {
  it.each([
    ["no proxy configured: X-Forwarded-For is ignored", "", "198.51.100.7", "203.0.113.9", "198.51.100.7"],
    ["an untrusted peer's X-Forwarded-For is ignored", "10.0.0.0/8", "198.51.100.7", "203.0.113.9", "198.51.100.7"],
    ["a trusted proxy's is used", "10.0.0.0/8", "10.1.2.3", "203.0.113.9", "203.0.113.9"],
    ["values the client prepended are skipped", "10.0.0.0/8", "10.1.2.3", "6.6.6.6, 203.0.113.9", "203.0.113.9"],
    ["a chain of trusted proxies is walked back", "10.0.0.0/8, 192.168.1.1", "10.1.2.3", "203.0.113.9, 192.168.1.1", "203.0.113.9"],
    ["IPv4-mapped IPv6 peers match IPv4 ranges", "127.0.0.1", "::ffff:127.0.0.1", "203.0.113.9", "203.0.113.9"],
    ["IPv6 ranges", "fd00::/8", "fd00::1", "2001:db8::5", "2001:db8::5"],
    ["a trusted proxy that sent nothing is the client", "10.0.0.0/8", "10.1.2.3", undefined, "10.1.2.3"],
  ])("%s", (_, trusted, peer, forwarded, expected) => {
    expect(resolveClientAddress(peer, forwarded, proxies(trusted))).toBe(expected);
  });

  it("without a peer address believes nothing", () => {
    expect(resolveClientAddress(undefined, "203.0.113.9", proxies("0.0.0.0/0"))).toBe("unknown");
  });

  it("refuses a malformed proxy list at start-up, naming the entry", () => {
    expect(() => proxies("10.0.0.0/33, proxy.local")).toThrow(/BLOOMBRIDGE_TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not an IP address or CIDR range/);
  });
});

describe("the request stamp", () => {
  let server: http.Server;
  let url = "";
  const seen: http.IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const addressSeen = async (headers: Record<string, string>) => {
    await fetch(url, { headers });
    return clientAddressOf(seen.at(-1) as Record<string, unknown>);
  };
  const spoofed = { "x-forwarded-for": "203.0.113.9", [CLIENT_ADDRESS_HEADER]: "203.0.113.10" };

  it("is not believed before it is installed", () => {
    expect(clientAddressOf({ [CLIENT_ADDRESS_HEADER]: "203.0.113.10" })).toBe("unknown");
  });

  it("ignores a spoofed X-Forwarded-For (and a forged stamp) from an untrusted peer", async () => {
    installClientAddressStamp(new BlockList());
    expect(await addressSeen(spoofed)).toBe("127.0.0.1");
  });

  it("uses X-Forwarded-For from a trusted proxy", async () => {
    installClientAddressStamp(proxies("127.0.0.1"));
    expect(await addressSeen(spoofed)).toBe("203.0.113.9");
    installClientAddressStamp(new BlockList());
  });
});
