import { z } from "zod";
import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { GetCreateUpdateNoteSuccessfulResponseDto, GetNotePathParams } from "../generated/schemas";
import { exampleContactId, exampleNote } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["get-note"];

export const getNote = defineOperation({
  key: "ghl.note.get",
  connector: "ghl",
  resource: "note",
  label: "Get note",
  description: "Fetches one note of a contact.",
  effect: "read",
  scopes: spec.scopes,
  input: z.object({ contactId: GetNotePathParams.shape.contactId, noteId: GetNotePathParams.shape.id }),
  output: GetCreateUpdateNoteSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, noteId: exampleNote.id }, output: { note: exampleNote } },
  async run(ctx, { contactId, noteId }) {
    const res = await ghlCall(ctx, { method: "GET", path: `/contacts/${seg(contactId)}/notes/${seg(noteId)}` });
    return GetCreateUpdateNoteSuccessfulResponseDto.parse(res);
  },
});
