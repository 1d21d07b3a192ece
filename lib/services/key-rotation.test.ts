import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DecryptionError, decrypt, encrypt, makeKeyRing } from "@/lib/crypto";
import { db, disconnectDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resealAllSecrets } from "./key-rotation";

afterAll(disconnectDb);

describe("key rotation", () => {
  it("re-encrypts stored secrets under the new key so the old one can be retired", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = makeKeyRing(oldKey);
    const row = await db().connection.create({ data: { provider: "ghl", kind: "pit", label: "rotate", secret: encrypt(JSON.stringify({ accessToken: "pit-123" }), before) } });

    const rotated = makeKeyRing(newKey, [oldKey]);
    const { resealed } = await resealAllSecrets(rotated);
    expect(resealed).toBeGreaterThanOrEqual(1);

    const after = await db().connection.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.secret.split(".")[1]).toBe(rotated.current.id);
    expect(JSON.parse(decrypt(after.secret, makeKeyRing(newKey)))).toEqual({ accessToken: "pit-123" });
    expect(() => decrypt(after.secret, makeKeyRing(oldKey))).toThrow(DecryptionError);
    await db().connection.delete({ where: { id: row.id } });
  });
});

describe("key rotation of step secrets", () => {
  it("re-encrypts secrets typed into steps, in drafts and published versions", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const { sealGraphSecrets, openStepSecrets } = await import("@/lib/engine/step-secrets");
    const { webhookGraph, lit } = await import("@/lib/engine/graph/fixtures.test-helper");
    const { resetKeyRingForTests } = await import("@/lib/secrets");
    const previous = process.env.BLOOMBRIDGE_ENCRYPTION_KEY;
    const useKey = (key: Buffer) => {
      process.env.BLOOMBRIDGE_ENCRYPTION_KEY = key.toString("base64");
      resetKeyRingForTests();
    };
    try {
      useKey(oldKey);
      const graph = sealGraphSecrets(webhookGraph({ url: lit("https://hooks.example.com/x"), headers: lit({ authorization: "Bearer rotate-me" }), body: lit({}) }), null);
      const json = graph as unknown as Prisma.InputJsonValue;
      const workflow = await db().workflow.create({ data: { name: "rotate steps", draftGraph: json } });
      await db().workflowVersion.create({ data: { workflowId: workflow.id, version: 1, graph: json, triggerKey: "ghl.contact.created" } });

      await resealAllSecrets(makeKeyRing(newKey, [oldKey]));
      useKey(newKey); // the old key is retired
      const { migrateGraph } = await import("@/lib/engine/graph");
      const stored = await db().workflow.findUniqueOrThrow({ where: { id: workflow.id }, include: { versions: true } });
      // Other columns of a version still cannot change.
      await expect(db().workflowVersion.update({ where: { id: stored.versions[0].id }, data: { note: "edited" } })).rejects.toThrow(/immutable/);
      for (const g of [stored.draftGraph, stored.versions[0].graph]) {
        const send = migrateGraph(g).nodes.find((n) => n.id === "send");
        if (send?.kind !== "action") throw new Error("no send step");
        expect(openStepSecrets(send).inputs.headers).toEqual(lit({ authorization: "Bearer rotate-me" }));
      }
      await db().workflow.delete({ where: { id: workflow.id } });
    } finally {
      if (previous === undefined) delete process.env.BLOOMBRIDGE_ENCRYPTION_KEY;
      else process.env.BLOOMBRIDGE_ENCRYPTION_KEY = previous;
      resetKeyRingForTests();
    }
  });
});
