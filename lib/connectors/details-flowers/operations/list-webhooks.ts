/** List webhook subscriptions (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { WebhookList } from "../generated/schemas";

const spec = dfOperations.listWebhooks;

export const listWebhooks = defineOperation({
  key: "details-flowers.webhook.list",
  connector: "details-flowers",
  resource: "webhook",
  label: "List webhook subscriptions",
  description: "Lists the account's webhook subscriptions.",
  effect: "read",
  scopes: ["read"],
  input: spec.query,
  output: WebhookList,
  run: (ctx, input) => callDf(ctx.http, spec, { query: input }),
});
