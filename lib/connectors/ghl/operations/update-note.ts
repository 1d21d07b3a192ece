import { z } from "zod";
import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { GetCreateUpdateNoteSuccessfulResponseDto, UpdateNoteDTO, UpdateNotePathParams } from "../generated/schemas";
import { exampleContactId, exampleNote } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["update-note"];

export const updateNote = defineOperation({
  key: "ghl.note.update",
  connector: "ghl",
  resource: "note",
  label: "Update note",
  description: "Changes the text, title, colour or pin of a note.",
  effect: "write",
  scopes: spec.scopes,
  input: z.object({ contactId: UpdateNotePathParams.shape.contactId, noteId: UpdateNotePathParams.shape.id }).extend(UpdateNoteDTO.shape),
  output: GetCreateUpdateNoteSuccessfulResponseDto,
  example: {
    input: { contactId: exampleContactId, noteId: exampleNote.id, pinned: true },
    output: { note: { ...exampleNote, pinned: true } },
  },
  async run(ctx, { contactId, noteId, ...body }) {
    const res = await ghlCall(ctx, { method: "PUT", path: `/contacts/${seg(contactId)}/notes/${seg(noteId)}`, body });
    return GetCreateUpdateNoteSuccessfulResponseDto.parse(res);
  },
});
