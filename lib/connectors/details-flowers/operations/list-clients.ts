/** Find or list clients (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { ClientList } from "../generated/schemas";

const spec = dfOperations.listClients;

export const listClients = defineOperation({
  key: "details-flowers.client.list",
  connector: "details-flowers",
  resource: "client",
  label: "Find or list clients",
  description: "Lists clients, oldest change first. Filter by exact email (case-insensitive) or E.164 phone to look one up; names are never a filter.",
  effect: "read",
  scopes: ["read"],
  input: spec.query,
  output: ClientList,
  run: (ctx, input) => callDf(ctx.http, spec, { query: input }),
});
