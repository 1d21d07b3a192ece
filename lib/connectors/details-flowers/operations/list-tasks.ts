/** List tasks (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { TaskList } from "../generated/schemas";

const spec = dfOperations.listTasks;

export const listTasks = defineOperation({
  key: "details-flowers.task.list",
  connector: "details-flowers",
  resource: "task",
  label: "List tasks",
  description: "Lists tasks across clients, oldest change first; filter by client, event or done state.",
  effect: "read",
  scopes: ["read"],
  input: spec.query,
  output: TaskList,
  run: (ctx, input) => callDf(ctx.http, spec, { query: input }),
});
