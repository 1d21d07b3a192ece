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
    ["http://[::1]/", /loopback \(::1\)/],
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
  ])("%s → %s", (address, reason) => {
    expect(blockedReason(address)).toBe(reason);
  });
});
