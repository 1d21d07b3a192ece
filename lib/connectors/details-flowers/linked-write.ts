/**
 * Create-or-update of a task, note or appointment that came from GHL. The ID map decides:
 * a GHL record already linked is updated in place, so a retried or replayed step never
 * creates a second copy; an unlinked one is created under the resolved client and linked.
 * The whole look-up → write → link runs under the ID map's lock, so concurrent runs agree.
 */
import type { OperationContext } from "../define";
import { FatalError } from "../errors";
import { isDfNotFound } from "./errors";
import { dfRef, ghlRef, resolveClientId } from "./id-map";

type Kind = "task" | "note" | "appointment";

export type LinkTarget = {
  /** Explicit Details Flowers record id to update; wins over the ID map. */
  recordId?: string;
  /** The GHL record's id: looked up in, and linked into, the ID map. */
  ghlId?: string;
  clientId?: string;
  ghlContactId?: string;
};

/** `externalIds` to merge into the written record: the GHL id, when there is one. */
export type ExternalIdsPatch = { ghl: string } | undefined;

export type LinkedWriters<R> = {
  update(id: string, externalIds: ExternalIdsPatch, idempotencyKey: string): Promise<R>;
  /** Absent for update-only operations (complete). */
  create?(clientId: string, externalIds: ExternalIdsPatch, idempotencyKey: string): Promise<R>;
};

export async function writeLinked<R extends { id: string }>(
  ctx: OperationContext,
  kind: Kind,
  target: LinkTarget,
  writers: LinkedWriters<R>,
): Promise<{ record: R; created: boolean }> {
  const write = () => lookUpAndWrite(ctx, kind, target, writers);
  return target.ghlId ? ctx.idMap.exclusive(ghlRef(kind, target.ghlId), "details-flowers", kind, write) : write();
}

async function lookUpAndWrite<R extends { id: string }>(
  ctx: OperationContext,
  kind: Kind,
  target: LinkTarget,
  writers: LinkedWriters<R>,
): Promise<{ record: R; created: boolean }> {
  const externalIds = target.ghlId ? { ghl: target.ghlId } : undefined;
  const linked = target.ghlId ? await ctx.idMap.find(ghlRef(kind, target.ghlId), "details-flowers", kind) : null;
  const targetId = target.recordId ?? linked;

  if (targetId) {
    try {
      const record = await writers.update(targetId, externalIds, `${ctx.idempotencyKey}:update`);
      await link(ctx, kind, target.ghlId, record.id);
      return { record, created: false };
    } catch (error) {
      // A linked record deleted in Details Flowers is created again; an explicit id that 404s is the user's mistake.
      if (target.recordId || !writers.create || !isDfNotFound(error)) throw error;
      ctx.log?.(`Linked Details Flowers ${kind} ${targetId} no longer exists; creating a new one`);
    }
  }
  if (!writers.create) {
    const which = target.ghlId ? `GHL ${kind} ${target.ghlId}` : "the step input";
    throw new FatalError(`No Details Flowers ${kind} is linked to ${which} yet — create it first.`);
  }
  const clientId = await resolveClientId(ctx.idMap, target);
  const record = await writers.create(clientId, externalIds, `${ctx.idempotencyKey}:create`);
  await link(ctx, kind, target.ghlId, record.id);
  return { record, created: true };
}

async function link(ctx: OperationContext, kind: Kind, ghlId: string | undefined, dfId: string) {
  if (ghlId) await ctx.idMap.link(ghlRef(kind, ghlId), dfRef(kind, dfId));
}

/** Drops `undefined` so omitted inputs leave stored fields alone (PATCH semantics). */
export function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
