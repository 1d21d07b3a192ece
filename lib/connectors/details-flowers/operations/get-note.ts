/** Get note (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Note } from "../generated/schemas";

const spec = dfOperations.getNote;

export const getNote = defineOperation({
  key: "details-flowers.note.get",
  connector: "details-flowers",
  resource: "note",
  label: "Get note",
  description: "Returns one note by its Details Flowers id.",
  effect: "read",
  scopes: ["read"],
  input: spec.pathParams,
  output: Note,
  run: (ctx, input) => callDf(ctx.http, spec, { path: input }),
});
