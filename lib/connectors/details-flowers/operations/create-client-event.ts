/**
 * The Zapier "Create Client-Event" equivalent: upsert the client (same match rules as the
 * client upsert, starting from the ID map) and create one event for it, atomically.
 */
import { z } from "zod";
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { CreateClientEventResponse, EventCreate } from "../generated/schemas";
import { dfRef, ghlRef, DF_TYPE } from "../id-map";
import { clientFieldsInput, MATCH_ORDER, toClientBody } from "./client-fields";

export const createClientEventInput = z.object({
  ...clientFieldsInput,
  event: EventCreate.omit({ externalIds: true }).describe("The event to create for the client"),
});

export const createClientEvent = defineOperation({
  key: "details-flowers.client-event.create",
  connector: "details-flowers",
  resource: "client-event",
  label: "Create client and event",
  description: "Creates or updates the client (linked GHL contact, GHL id, email, phone; never name alone) and creates an event for it in one step, like Zapier's \"Create Client-Event\".",
  effect: "write",
  scopes: ["write"],
  input: createClientEventInput,
  output: CreateClientEventResponse,
  example: {
    input: {
      ghlContactId: "ocQHyuzHvysMo5N5VsXc", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com",
      event: { name: "Lovelace–Byron wedding", type: "wedding", date: "2026-06-20", venue: "Kew Gardens" },
    },
    output: {
      client: {
        id: "cl_8f2k", fullName: "Ada Lovelace", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: null,
        company: null, address: null, tags: [], externalIds: { ghl: "ocQHyuzHvysMo5N5VsXc" },
        createdAt: "2026-01-15T12:00:00.000Z", updatedAt: "2026-01-15T12:00:00.000Z", deletedAt: null,
      },
      event: {
        id: "ev_31x", clientId: "cl_8f2k", name: "Lovelace–Byron wedding", type: "wedding", date: "2026-06-20", venue: "Kew Gardens",
        status: "inquiry", externalIds: {}, createdAt: "2026-01-15T12:00:00.000Z", updatedAt: "2026-01-15T12:00:00.000Z",
      },
      created: true,
      matchedOn: null,
    },
  },
  async run(ctx, input) {
    const contact = input.ghlContactId ? ghlRef("contact", input.ghlContactId) : null;
    const linkedId = contact ? await ctx.idMap.find(contact, "details-flowers", DF_TYPE.client) : null;
    // A linked client is matched by its id first; if it was deleted the other keys still apply.
    const client = { ...toClientBody(input), ...(linkedId ? { id: linkedId } : {}) };
    const match = linkedId ? (["id", ...MATCH_ORDER] as const) : MATCH_ORDER;
    const result = await callDf(ctx.http, dfOperations.createClientEvent, {
      body: { match: [...match], client, event: input.event },
      idempotencyKey: ctx.idempotencyKey,
    });
    if (contact) await ctx.idMap.link(contact, dfRef("client", result.client.id));
    return result;
  },
});
