import { z } from "zod";
import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { DeleteNotePathParams, DeleteNoteSuccessfulResponseDto } from "../generated/schemas";
import { exampleContactId, exampleNote } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["delete-note"];

export const deleteNote = defineOperation({
  key: "ghl.note.delete",
  connector: "ghl",
  resource: "note",
  label: "Delete note",
  description: "Deletes a note of a contact.",
  effect: "write",
  scopes: spec.scopes,
  input: z.object({ contactId: DeleteNotePathParams.shape.contactId, noteId: DeleteNotePathParams.shape.id }),
  output: DeleteNoteSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, noteId: exampleNote.id }, output: { succeded: true } },
  async run(ctx, { contactId, noteId }) {
    const res = await ghlCall(ctx, { method: "DELETE", path: `/contacts/${seg(contactId)}/notes/${seg(noteId)}` });
    return DeleteNoteSuccessfulResponseDto.parse(res);
  },
});
