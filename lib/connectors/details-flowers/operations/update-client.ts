/** Update a client by Details Flowers id or by the GHL contact linked to it. */
import { z } from "zod";
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Client } from "../generated/schemas";
import { resolveClientId } from "../id-map";
import { clientFieldsInput, toClientBody } from "./client-fields";
import { clientRefInput } from "./linked-inputs";
import { sampleClient } from "./samples";

export const updateClientInput = z.object({ ...clientFieldsInput, ...clientRefInput });

export const updateClient = defineOperation({
  key: "details-flowers.client.update",
  connector: "details-flowers",
  resource: "client",
  label: "Update client",
  description: "Changes the given fields of an existing client (found by id, or through the GHL contact it is linked to). Use \"Create or update client\" when it may not exist yet.",
  effect: "write",
  scopes: ["write"],
  input: updateClientInput,
  output: Client,
  example: { input: { ghlContactId: "ocQHyuzHvysMo5N5VsXc", tags: ["wedding", "vip"] }, output: { ...sampleClient, tags: ["wedding", "vip"] } },
  async run(ctx, input) {
    const id = await resolveClientId(ctx.idMap, input);
    return callDf(ctx.http, dfOperations.updateClient, { path: { id }, body: toClientBody(input), idempotencyKey: ctx.idempotencyKey });
  },
});
