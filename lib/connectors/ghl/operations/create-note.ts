import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { CreateNotePathParams, GetCreateUpdateNoteSuccessfulResponseDto, NotesDTO } from "../generated/schemas";
import { exampleContactId, exampleNote } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["create-note"];

export const createNote = defineOperation({
  key: "ghl.note.create",
  connector: "ghl",
  resource: "note",
  label: "Create note",
  description: "Writes a note on a contact, optionally titled, coloured and pinned.",
  effect: "write",
  scopes: spec.scopes,
  input: CreateNotePathParams.extend(NotesDTO.shape).extend({ body: NotesDTO.shape.body.describe("Note text") }),
  output: GetCreateUpdateNoteSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, body: exampleNote.body, title: exampleNote.title }, output: { note: exampleNote } },
  async run(ctx, { contactId, ...body }) {
    const res = await ghlCall(ctx, { method: "POST", path: `/contacts/${seg(contactId)}/notes`, body });
    return GetCreateUpdateNoteSuccessfulResponseDto.parse(res);
  },
});
