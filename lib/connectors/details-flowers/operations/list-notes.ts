/** List notes (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { NoteList } from "../generated/schemas";

const spec = dfOperations.listNotes;

export const listNotes = defineOperation({
  key: "details-flowers.note.list",
  connector: "details-flowers",
  resource: "note",
  label: "List notes",
  description: "Lists notes across clients, oldest change first; filter by client, event or pinned.",
  effect: "read",
  scopes: ["read"],
  input: spec.query,
  output: NoteList,
  run: (ctx, input) => callDf(ctx.http, spec, { query: input }),
});
