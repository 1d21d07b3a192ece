/**
 * Re-encrypts every stored secret under the current key, so an old key can be retired.
 * Run after adding a new key (`npm run keys:rotate` does both for the generated key file).
 */
import { DecryptionError, isStale, reencrypt, type KeyRing } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { migrateGraph } from "@/lib/engine/graph";
import { resealGraphSecrets, SEALED_PREFIX } from "@/lib/engine/step-secrets";
import type { Prisma } from "@/lib/generated/prisma/client";

export async function resealAllSecrets(ring: KeyRing): Promise<{ resealed: number; unreadable: string[]; total: number }> {
  const rows = await db().connection.findMany({ select: { id: true, secret: true } });
  let resealed = 0;
  const unreadable: string[] = [];
  for (const row of rows) {
    if (!isStale(row.secret, ring)) continue;
    let sealed: string;
    try {
      sealed = reencrypt(row.secret, ring);
    } catch (error) {
      // Sealed under a key that is not configured: report it rather than stop halfway.
      if (error instanceof DecryptionError) {
        unreadable.push(`connection ${row.id}`);
        continue;
      }
      throw error;
    }
    // Compare-and-set: a token refresh that rewrote the secret meanwhile is not overwritten.
    const updated = await db().connection.updateMany({ where: { id: row.id, secret: row.secret }, data: { secret: sealed } });
    resealed += updated.count;
  }
  const steps = await resealStepSecrets(ring);
  return { resealed: resealed + steps.resealed, unreadable: [...unreadable, ...steps.unreadable], total: rows.length + steps.total };
}

/** Secrets typed into steps (see lib/engine/step-secrets.ts), in drafts and published versions. */
async function resealStepSecrets(ring: KeyRing): Promise<{ resealed: number; unreadable: string[]; total: number }> {
  let resealed = 0;
  let total = 0;
  const unreadable = new Set<string>();
  const reseal = (workflowId: string, stored: unknown) => {
    // Most graphs hold no step secret; skip them (and any that does not parse) without migrating.
    if (!JSON.stringify(stored).includes(SEALED_PREFIX)) return null;
    const result = resealGraphSecrets(migrateGraph(stored), ring);
    if (result.unreadable) unreadable.add(`workflow ${workflowId}`);
    if (result.changed) total++;
    return result.changed ? (result.graph as unknown as Prisma.InputJsonValue) : null;
  };
  for (const row of await db().workflow.findMany({ select: { id: true, draftGraph: true, draftUpdatedAt: true } })) {
    const graph = reseal(row.id, row.draftGraph);
    // Compare-and-set: an autosave meanwhile already sealed under the current key.
    if (graph) resealed += (await db().workflow.updateMany({ where: { id: row.id, draftUpdatedAt: row.draftUpdatedAt }, data: { draftGraph: graph } })).count;
  }
  for (const row of await db().workflowVersion.findMany({ select: { id: true, workflowId: true, graph: true } })) {
    const graph = reseal(row.workflowId, row.graph);
    if (!graph) continue;
    // Versions are immutable; the trigger lets a transaction that says so rewrite only the graph.
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('bloombridge.reseal_secrets', 'on', true)`;
      await tx.workflowVersion.update({ where: { id: row.id }, data: { graph } });
    });
    resealed++;
  }
  return { resealed, unreadable: [...unreadable], total };
}
