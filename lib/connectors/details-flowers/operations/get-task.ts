/** Get task (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Task } from "../generated/schemas";

const spec = dfOperations.getTask;

export const getTask = defineOperation({
  key: "details-flowers.task.get",
  connector: "details-flowers",
  resource: "task",
  label: "Get task",
  description: "Returns one task by its Details Flowers id.",
  effect: "read",
  scopes: ["read"],
  input: spec.pathParams,
  output: Task,
  run: (ctx, input) => callDf(ctx.http, spec, { path: input }),
});
