import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { isSecretKey, REDACTED, redactSecrets } from "./redact";
import { saveStep } from "./steps";

afterAll(disconnectDb);

describe("secret redaction", () => {
  it.each([
    ["secret", true], ["client_secret", true], ["clientSecret", true], ["Client-Secret", true], ["webhookSigningSecret", true],
    ["access_token", true], ["refreshToken", true], ["token", true], ["password", true], ["userPassword", true], ["x-api-key", true],
    ["apiKey", true], ["authorization", true], ["nextPageToken", false], ["tokenType", false], ["secretary", false], ["name", false], ["url", false],
  ])("%s → %s", (key, secret) => {
    expect(isSecretKey(key)).toBe(secret);
  });

  it("replaces secrets at any depth, in arrays too, and leaves everything else alone", () => {
    const created = { id: "wh_1", url: "https://x.example/hook", events: ["client.created"], secret: "whsec_abc", nested: [{ auth: { accessToken: "t", expiresIn: 3600 } }], empty: { token: "" } };
    expect(redactSecrets(created)).toEqual({ id: "wh_1", url: "https://x.example/hook", events: ["client.created"], secret: REDACTED, nested: [{ auth: { accessToken: REDACTED, expiresIn: 3600 } }], empty: { token: "" } });
    expect(created.secret).toBe("whsec_abc");
  });

  it("never stores a secret in a step's checkpoint", async () => {
    const workflow = await db().workflow.create({ data: { name: "redact", draftGraph: {} } });
    const version = await db().workflowVersion.create({ data: { workflowId: workflow.id, version: 1, graph: {}, triggerKey: "k" } });
    const event = await db().triggerEvent.create({ data: { source: "manual", delivery: "manual", dedupeKey: crypto.randomUUID(), eventType: "k", payload: {} } });
    const claimId = crypto.randomUUID();
    const run = await db().run.create({ data: { workflowId: workflow.id, workflowVersionId: version.id, eventId: event.id, triggerKey: "k", delivery: "manual", status: "running", claimId } });
    await saveStep({
      runId: run.id,
      claimId,
      nodeId: "subscribe",
      stepKey: "subscribe",
      status: "succeeded",
      input: { url: "https://x.example/hook", password: "hunter2" },
      output: { id: "wh_1", secret: "whsec_abc" },
      error: { message: "retry", call: { headers: { authorization: "Bearer t" } } },
      calls: [{ method: "POST", path: "/oauth/token", body: { client_secret: "cs" } }],
      attempt: 1,
      startedAt: new Date(),
    });
    const stored = await db().stepRun.findFirstOrThrow({ where: { runId: run.id } });
    const text = JSON.stringify(stored);
    for (const secret of ["whsec_abc", "hunter2", "Bearer t", "\"cs\""]) expect(text).not.toContain(secret);
    expect(stored.output).toEqual({ id: "wh_1", secret: REDACTED });
  });
});
