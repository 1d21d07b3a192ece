/** Subscribe a URL to Details Flowers webhook events; the signing secret is returned only here. */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { WebhookCreate, WebhookCreated } from "../generated/schemas";

export const createWebhook = defineOperation({
  key: "details-flowers.webhook.create",
  connector: "details-flowers",
  resource: "webhook",
  label: "Subscribe to webhook events",
  description: "Asks Details Flowers to POST signed events (client.created, task.*, order.status_changed…) to a URL. Keep the returned secret to verify X-DF-Signature.",
  effect: "write",
  scopes: ["write"],
  input: WebhookCreate,
  output: WebhookCreated,
  run: (ctx, input) => callDf(ctx.http, dfOperations.createWebhook, { body: input, idempotencyKey: ctx.idempotencyKey }),
});
