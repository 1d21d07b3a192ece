/** Read the change feed (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { ChangeList } from "../generated/schemas";

const spec = dfOperations.listChanges;

export const listChanges = defineOperation({
  key: "details-flowers.change.list",
  connector: "details-flowers",
  resource: "change",
  label: "Read the change feed",
  description: "Every create, update and delete since a cursor, in order, including deletions.",
  effect: "read",
  scopes: ["read"],
  input: spec.query,
  output: ChangeList,
  run: (ctx, input) => callDf(ctx.http, spec, { query: input }),
});
