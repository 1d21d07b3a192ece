import { describe, expect, it } from "vitest";
import { signDfPayload, verifyDfSignature } from "./webhook-signature";

const secret = "whsec_test_123";
const body = JSON.stringify({ id: "evt_1", type: "client.created", data: { id: "cl_1" } });
const now = Date.UTC(2026, 0, 15, 12, 0, 0);
const t = Math.floor(now / 1000);

describe("verifyDfSignature", () => {
  it("accepts a valid signature (string or bytes)", () => {
    const header = signDfPayload(body, secret, t);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyDfSignature({ rawBody: body, header, secret, now })).toEqual({ ok: true, timestamp: t });
    expect(verifyDfSignature({ rawBody: Buffer.from(body), header, secret, now }).ok).toBe(true);
  });

  it("accepts during secret rotation", () => {
    const header = signDfPayload(body, "old-secret", t);
    expect(verifyDfSignature({ rawBody: body, header, secret: ["new-secret", "old-secret"], now }).ok).toBe(true);
  });

  it("rejects a forged signature (wrong secret)", () => {
    const header = signDfPayload(body, "attacker-guess", t);
    expect(verifyDfSignature({ rawBody: body, header, secret, now })).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("rejects a tampered body", () => {
    const header = signDfPayload(body, secret, t);
    const tampered = body.replace("cl_1", "cl_2");
    expect(verifyDfSignature({ rawBody: tampered, header, secret, now })).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("rejects a tampered timestamp (signature bound to t)", () => {
    const header = signDfPayload(body, secret, t).replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyDfSignature({ rawBody: body, header, secret, now })).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("rejects a replay with a stale (or far-future) timestamp", () => {
    const old = signDfPayload(body, secret, t - 301);
    expect(verifyDfSignature({ rawBody: body, header: old, secret, now })).toMatchObject({ ok: false, reason: "stale" });
    const future = signDfPayload(body, secret, t + 301);
    expect(verifyDfSignature({ rawBody: body, header: future, secret, now })).toMatchObject({ ok: false, reason: "stale" });
    expect(verifyDfSignature({ rawBody: body, header: old, secret, now, toleranceSeconds: 600 }).ok).toBe(true);
  });

  it.each([
    [undefined, "missing"],
    ["", "missing"],
    ["v1=abc", "malformed"],
    [`t=${t}`, "malformed"],
    [`t=abc,v1=${"0".repeat(64)}`, "malformed"],
    [`t=${t},v1=${"z".repeat(64)}`, "malformed"],
  ])("rejects header %j as %s", (header, reason) => {
    expect(verifyDfSignature({ rawBody: body, header, secret, now })).toMatchObject({ ok: false, reason });
  });
});
