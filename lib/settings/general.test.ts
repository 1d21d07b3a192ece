/** The settings page's server side on the real database: validation messages, roles, persistence. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { getSetting, putSetting } from "@/lib/db/settings";
import { lockSettingsForFile } from "@/lib/db/test-settings-lock";
import { keyStatus } from "@/lib/secrets";
import { encryptionKeyStatus, generalSettingsInput, readGeneralSettings, rotateAlertSecret, saveGeneralSettings, sendTestAlert, type GeneralSettingsInput } from "./general";

const as = (role: Principal["role"]): Principal => ({ kind: "user", id: crypto.randomUUID(), email: `${role}@example.com`, name: null, role });
const valid: GeneralSettingsInput = { emailTo: "ops@example.com, oncall@example.com", webhookUrl: "", onFailure: true, onAutoPause: true, autoPauseAfter: 4, maxAgeDays: 14, maxRunsPerWorkflow: 1000 };

let unlockSettings: () => Promise<void>;
beforeAll(async () => {
  unlockSettings = await lockSettingsForFile();
});

afterAll(async () => {
  await putSetting("alerts", {});
  await putSetting("runs", {});
  await putSetting("retention", {});
  await unlockSettings();
  await disconnectDb();
});

describe("settings input", () => {
  it.each([
    [{ emailTo: "ops@example.com nope" }, "emailTo.1", "Each recipient must be an email address"],
    [{ webhookUrl: "ftp://example.com/hook" }, "webhookUrl", "must start with http:// or https://"],
    [{ autoPauseAfter: 0 }, "autoPauseAfter", ""],
    [{ maxRunsPerWorkflow: 10 }, "maxRunsPerWorkflow", ""],
    [{ maxAgeDays: 1.5 }, "maxAgeDays", ""],
  ])("refuses %o with a message on %s", (patch, field, text) => {
    const result = generalSettingsInput.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join(".") === field);
    expect(issue?.message).toContain(text);
  });

  it("splits recipients on commas and spaces and treats an empty URL as none", () => {
    expect(generalSettingsInput.parse({ ...valid, emailTo: " a@example.com,b@example.com  c@example.com " })).toMatchObject({ emailTo: ["a@example.com", "b@example.com", "c@example.com"], webhookUrl: undefined });
  });
});

describe("saving settings", () => {
  it.each(["viewer", "editor"] as const)("refuses a %s", async (role) => {
    await expect(saveGeneralSettings(as(role), generalSettingsInput.parse(valid))).rejects.toThrow(HttpError);
    await expect(rotateAlertSecret(as(role))).rejects.toThrow(/Only admins/);
    await expect(sendTestAlert(as(role))).rejects.toThrow(/Only admins/);
  });

  it("stores alerts, the auto-pause threshold and retention for an admin, with a signing secret once a webhook is set", async () => {
    const first = await saveGeneralSettings(as("admin"), generalSettingsInput.parse({ ...valid, webhookUrl: "https://hooks.example.com/bb" }));
    expect(first.webhookSecret).toMatch(/^whsec_/);
    const stored = await readGeneralSettings();
    expect(stored.alerts).toMatchObject({ emailTo: ["ops@example.com", "oncall@example.com"], webhookUrl: "https://hooks.example.com/bb", webhookSecret: first.webhookSecret });
    expect(stored.runs.autoPauseAfter).toBe(4);
    expect(stored.retention).toEqual({ maxAgeDays: 14, maxRunsPerWorkflow: 1000 });
    const rotated = await rotateAlertSecret(as("admin"));
    expect(rotated.webhookSecret).not.toBe(first.webhookSecret);
    expect((await getSetting("alerts")).webhookSecret).toBe(rotated.webhookSecret);
  });

  it("asks for a channel before sending a test alert", async () => {
    await saveGeneralSettings(as("admin"), generalSettingsInput.parse({ ...valid, emailTo: "" }));
    await expect(sendTestAlert(as("admin"))).rejects.toThrow(/Add an email recipient or a webhook URL/);
  });
});

describe("encryption key status", () => {
  it("counts credentials under the current key", async () => {
    const before = await encryptionKeyStatus();
    await createConnection({ provider: "ghl", kind: "pit", label: "key status", credentials: { accessToken: "pit-x" }, accountId: "loc" });
    const after = await encryptionKeyStatus();
    expect(after.keyId).toBe(keyStatus().keyId);
    const count = (s: typeof after) => s.usage.find((u) => u.current)?.count ?? 0;
    expect(count(after)).toBe(count(before) + 1);
  });
});
