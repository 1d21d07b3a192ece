import os from "node:os";
import { describe, expect, it } from "vitest";
import { FatalError, RetryableError } from "./errors";
import { assertPublicUrl, blockedReason, type LookupFn } from "./ssrf-guard";

// Fake DNS: nothing in these tests resolves a real name or opens a socket.
const dns = (table: Record<string, string[]>): LookupFn => async (hostname) => {
  const addresses = table[hostname];
  if (!addresses) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};
const lookup = dns({
  "hooks.zapier.com": ["3.214.80.1", "2600:1f18::1"],
  "localhost": ["127.0.0.1", "::1"],
  "internal.example": ["10.1.2.3"],
  "metadata.example": ["169.254.169.254"],
  "sneaky.example": ["93.184.216.34", "192.168.1.10"],
  "mapped.example": ["::ffff:127.0.0.1"],
});

describe("assertPublicUrl", () => {
  it.each([
    ["http://127.0.0.1/hook", /loopback/],
    ["http://10.0.0.5/", /private \(10/],
    ["http://172.16.0.1/", /private \(172\.16/],
    ["http://172.31.255.255/", /private \(172\.16/],
    ["http://192.168.1.1/", /private \(192\.168/],
    ["http://169.254.169.254/latest/meta-data", /link-local/],
    ["http://100.64.0.1/", /carrier-grade NAT/],
    ["http://0.0.0.0/", /this network/],
    ["http://[::1]/", /loopback \(::1\/128\)/],
    ["http://[::ffff:127.0.0.1]/", /IPv4-embedded loopback/],
    ["http://[::ffff:a9fe:a9fe]/", /IPv4-embedded link-local/],
    ["http://[fe80::1]/", /link-local \(fe80/],
    ["http://[fd12:3456::1]/", /unique-local/],
    ["http://[::]/", /unspecified/],
    ["http://2130706433/", /loopback/],
    ["http://0x7f.1/", /loopback/],
    ["http://localhost:3000/", /loopback/],
    ["http://internal.example/", /private \(10/],
    ["http://metadata.example/", /link-local/],
    ["http://sneaky.example/", /192\.168\.1\.10.*private/],
    ["http://mapped.example/", /IPv4-embedded loopback/],
  ])("refuses %s", async (url, message) => {
    const error = await assertPublicUrl(url, { lookup }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalError);
    expect((error as Error).message).toMatch(message);
  });

  it.each(["ftp://example.com/", "file:///etc/passwd", "gopher://x/", "not a url"])("refuses %s", async (url) => {
    await expect(assertPublicUrl(url, { lookup })).rejects.toBeInstanceOf(FatalError);
  });

  it("refuses credentials in the URL", async () => {
    await expect(assertPublicUrl("https://user:pw@hooks.zapier.com/", { lookup })).rejects.toThrow(/headers/);
  });

  it("allows a public host and reports every address checked", async () => {
    const target = await assertPublicUrl("https://hooks.zapier.com/hooks/catch/1/abc/", { lookup });
    expect(target.addresses).toEqual(["3.214.80.1", "2600:1f18::1"]);
    expect((await assertPublicUrl("http://93.184.216.34/", { lookup })).addresses).toEqual(["93.184.216.34"]);
  });

  it("allows private targets with allowPrivate, and listed hosts with allowHosts", async () => {
    await expect(assertPublicUrl("http://127.0.0.1:9/", { allowPrivate: true, lookup })).resolves.toBeTruthy();
    await expect(assertPublicUrl("http://Internal.Example/", { allowHosts: ["internal.example"], lookup })).resolves.toBeTruthy();
    await expect(assertPublicUrl("http://localhost/", { allowHosts: ["internal.example"], lookup })).rejects.toThrow(/loopback/);
  });

  it("classifies DNS failures", async () => {
    await expect(assertPublicUrl("http://missing.example/", { lookup })).rejects.toBeInstanceOf(FatalError);
    const flaky: LookupFn = async () => {
      throw Object.assign(new Error("try again"), { code: "EAI_AGAIN" });
    };
    await expect(assertPublicUrl("http://x.example/", { lookup: flaky })).rejects.toBeInstanceOf(RetryableError);
  });
});

describe("this machine's own addresses", () => {
  // A public interface address reaches the app itself (it listens on 0.0.0.0).
  const localAddresses = () => ["127.0.0.1", "::1", "8.8.4.4", "2606:4700::6810:1"];
  const selfDns = dns({ "me.example": ["8.8.4.4"], "me6.example": ["2606:4700::6810:1"] });

  it.each(["http://8.8.4.4/", "http://[::ffff:8.8.4.4]/", "http://me.example/", "http://[2606:4700:0:0::6810:1]/", "http://me6.example/"])(
    "refuses %s",
    async (url) => {
      await expect(assertPublicUrl(url, { lookup: selfDns, localAddresses })).rejects.toThrow(/this server's own addresses/);
    },
  );

  it("still allows other public hosts, and the allow list and allowPrivate still win", async () => {
    await expect(assertPublicUrl("http://8.8.8.8/", { localAddresses })).resolves.toBeTruthy();
    await expect(assertPublicUrl("http://8.8.4.4/", { localAddresses, allowPrivate: true })).resolves.toBeTruthy();
    await expect(assertPublicUrl("http://me.example/", { lookup: selfDns, localAddresses, allowHosts: ["me.example"] })).resolves.toBeTruthy();
  });

  it("reads the real interfaces by default", async () => {
    const own = Object.values(os.networkInterfaces()).flatMap((list) => list ?? []).find((entry) => !entry.internal);
    if (!own) return;
    const host = own.family === "IPv6" ? `[${own.address.split("%")[0]}]` : own.address;
    await expect(assertPublicUrl(`http://${host}/`)).rejects.toBeInstanceOf(FatalError);
  });
});

describe("blockedReason", () => {
  it.each([
    ["8.8.8.8", null],
    ["172.32.0.1", null],
    ["100.128.0.1", null],
    ["2606:4700::1111", null],
    ["::ffff:8.8.8.8", null],
    ["64:ff9b::10.0.0.1", "IPv4-embedded private (10.0.0.0/8)"],
    ["fe80::1%eth0", "link-local (fe80::/10)"],
    ["not-an-ip", "not an IP address"],
    // IANA special-purpose ranges the hand list missed.
    ["192.0.2.10", "reserved, documentation or benchmarking (192.0.2.0/24)"],
    ["198.51.100.7", "reserved, documentation or benchmarking (198.51.100.0/24)"],
    ["203.0.113.9", "reserved, documentation or benchmarking (203.0.113.0/24)"],
    ["192.88.99.1", "reserved, documentation or benchmarking (192.88.99.0/24)"],
    ["198.19.255.1", "reserved, documentation or benchmarking (198.18.0.0/15)"],
    ["255.255.255.255", "broadcast (255.255.255.255/32)"],
    ["192.31.196.1", "AS112 DNS (192.31.196.0/24)"],
    ["2001:db8::1", "reserved, documentation or benchmarking (2001:db8::/32)"],
    ["2002:7f00:1::", "IPv4-embedded loopback (127.0.0.0/8)"],
    ["2002:808:808::", "6to4 (2002::/16)"],
    ["2001:0:4136:e378:8000:63bf:f5ff:fffe", "IPv4-embedded private (10.0.0.0/8)"],
    ["64:ff9b::8.8.8.8", null],
    ["64:ff9b::c000:0201", "IPv4-embedded reserved, documentation or benchmarking (192.0.2.0/24)"],
    ["64:ff9b:1::a00:1", "IPv4-embedded private (10.0.0.0/8)"],
    ["::ffff:203.0.113.1", "IPv4-embedded reserved, documentation or benchmarking (203.0.113.0/24)"],
    ["fec0::1", "site-local (fec0::/10)"],
    ["100::1", "discard-only (100::/64)"],
    ["ff02::1", "multicast (ff00::/8)"],
  ])("%s → %s", (address, reason) => {
    expect(blockedReason(address)).toBe(reason);
  });
});
