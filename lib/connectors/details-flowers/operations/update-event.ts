/** Update an event; cancel one by setting its status to cancelled (events are never deleted). */
import { z } from "zod";
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Event, EventPatch } from "../generated/schemas";
import { defined } from "../linked-write";

export const updateEventInput = z.object({ eventId: z.string().min(1).describe("Details Flowers event id"), ...EventPatch.shape });

export const updateEvent = defineOperation({
  key: "details-flowers.event.update",
  connector: "details-flowers",
  resource: "event",
  label: "Update event",
  description: "Changes the given fields of an event, e.g. its date, venue or pipeline status.",
  effect: "write",
  scopes: ["write"],
  input: updateEventInput,
  output: Event,
  async run(ctx, input) {
    const { eventId, ...fields } = input;
    return callDf(ctx.http, dfOperations.updateEvent, { path: { id: eventId }, body: defined(fields), idempotencyKey: ctx.idempotencyKey });
  },
});
