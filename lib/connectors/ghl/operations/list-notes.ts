import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { GetAllNotesPathParams, GetNotesListSuccessfulResponseDto } from "../generated/schemas";
import { exampleContactId, exampleNote } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["get-all-notes"];

export const listNotes = defineOperation({
  key: "ghl.note.list",
  connector: "ghl",
  resource: "note",
  label: "List notes of contact",
  description: "Lists every note written on a contact.",
  effect: "read",
  scopes: spec.scopes,
  input: GetAllNotesPathParams,
  output: GetNotesListSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId }, output: { notes: [exampleNote] } },
  async run(ctx, { contactId }) {
    return GetNotesListSuccessfulResponseDto.parse(await ghlCall(ctx, { method: "GET", path: `/contacts/${seg(contactId)}/notes` }));
  },
});
