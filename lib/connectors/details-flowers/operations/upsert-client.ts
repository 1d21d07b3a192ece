/**
 * Create or update the Details Flowers client for a person. Match order: ID map →
 * externalIds.ghl → email (case-insensitive) → phone (E.164); never the name alone.
 */
import { z } from "zod";
import { defineOperation, type ExternalRef, type OperationContext } from "../../define";
import { callDf } from "../call";
import { isDfNotFound } from "../errors";
import { dfOperations } from "../generated/operations";
import { Client } from "../generated/schemas";
import { dfRef, ghlRef, DF_TYPE } from "../id-map";
import { clientFieldsInput, MATCH_ORDER, toClientBody } from "./client-fields";

export const upsertClientInput = z.object(clientFieldsInput);

export const upsertClientOutput = z.object({
  client: Client.describe("The client after the write"),
  created: z.boolean().describe("True when a new client was created"),
  matchedOn: z
    .enum(["idMap", "id", ...MATCH_ORDER])
    .nullable()
    .describe("What found the existing client: idMap (already linked to this GHL contact), externalIds.ghl, email or phone; null when created"),
});

export const upsertClient = defineOperation({
  key: "details-flowers.client.upsert",
  connector: "details-flowers",
  resource: "client",
  label: "Create or update client",
  description: "Finds the client linked to the GHL contact, or by GHL id, email or phone (never by name alone), and updates it; creates it when nothing matches. Safe to retry.",
  effect: "write",
  scopes: ["write"],
  input: upsertClientInput,
  output: upsertClientOutput,
  example: {
    input: { ghlContactId: "ocQHyuzHvysMo5N5VsXc", firstName: "Ada", lastName: "Lovelace", email: "Ada@Example.com", phone: "(555) 123-4567" },
    output: {
      client: {
        id: "cl_8f2k", fullName: "Ada Lovelace", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+15551234567",
        company: null, address: null, tags: [], externalIds: { ghl: "ocQHyuzHvysMo5N5VsXc" },
        createdAt: "2026-01-15T12:00:00.000Z", updatedAt: "2026-01-15T12:00:00.000Z", deletedAt: null,
      },
      created: true,
      matchedOn: null,
    },
  },
  async run(ctx, input) {
    const contact = input.ghlContactId ? ghlRef("contact", input.ghlContactId) : null;
    const write = () => writeClient(ctx, input, contact);
    return contact ? ctx.idMap.exclusive(contact, "details-flowers", DF_TYPE.client, write) : write();
  },
});

async function writeClient(ctx: OperationContext, input: z.infer<typeof upsertClientInput>, contact: ExternalRef | null): Promise<z.infer<typeof upsertClientOutput>> {
  const client = toClientBody(input);
  const linkedId = contact ? await ctx.idMap.find(contact, "details-flowers", DF_TYPE.client) : null;

  if (linkedId) {
    try {
      const updated = await callDf(ctx.http, dfOperations.updateClient, {
        path: { id: linkedId },
        body: client,
        idempotencyKey: `${ctx.idempotencyKey}:patch`,
      });
      return { client: updated, created: false, matchedOn: "idMap" as const };
    } catch (error) {
      // The linked client was deleted in Details Flowers: match it afresh below.
      if (!isDfNotFound(error)) throw error;
      ctx.log?.(`Linked Details Flowers client ${linkedId} is gone; upserting by match keys`);
    }
  }
  if (!client.externalIds && !client.email && !client.phone) {
    ctx.log?.("No GHL id, email or phone to match on: a new client will be created (names never match)");
  }
  const result = await callDf(ctx.http, dfOperations.upsertClient, {
    body: { match: [...MATCH_ORDER], client },
    idempotencyKey: `${ctx.idempotencyKey}:upsert`,
  });
  if (contact) await ctx.idMap.link(contact, dfRef("client", result.client.id));
  return result;
}
