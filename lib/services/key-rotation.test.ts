import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DecryptionError, decrypt, encrypt, makeKeyRing } from "@/lib/crypto";
import { db, disconnectDb } from "@/lib/db/client";
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
