/** Create an event for an existing client (use client-event.create when the client may be new). */
import { z } from "zod";
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Event, EventCreate } from "../generated/schemas";
import { resolveClientId } from "../id-map";
import { clientRefInput } from "./linked-inputs";

export const createEventInput = z.object({ ...clientRefInput, ...EventCreate.shape });

export const createEvent = defineOperation({
  key: "details-flowers.event.create",
  connector: "details-flowers",
  resource: "event",
  label: "Create event",
  description: "Adds an event (wedding, corporate, funeral…) to the client linked to a GHL contact, or to a given client.",
  effect: "write",
  scopes: ["write"],
  input: createEventInput,
  output: Event,
  async run(ctx, input) {
    const { clientId, ghlContactId, ...event } = input;
    const id = await resolveClientId(ctx.idMap, { clientId, ghlContactId });
    return callDf(ctx.http, dfOperations.createEvent, { path: { id }, body: event, idempotencyKey: ctx.idempotencyKey });
  },
});
