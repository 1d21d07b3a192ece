/** Update a note by id or by its linked GHL note; an unlinked GHL note is created (linked). */
import { z } from "zod";
import { defineOperation } from "../../define";
import { FatalError } from "../../errors";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Note, NotePatch } from "../generated/schemas";
import { defined, writeLinked } from "../linked-write";
import { normalizeEmail } from "../normalize";
import { clientRefInput, createdFlag, ghlIdInput, recordIdInput } from "./linked-inputs";
import { sampleNote } from "./samples";

export const updateNoteInput = z.object({
  noteId: recordIdInput("note"),
  ghlNoteId: ghlIdInput("note"),
  ...clientRefInput,
  ...NotePatch.omit({ externalIds: true }).shape,
});
export const updateNoteOutput = z.object({ note: Note.describe("The note after the write"), created: createdFlag("note") });

export const updateNote = defineOperation({
  key: "details-flowers.note.update",
  connector: "details-flowers",
  resource: "note",
  label: "Update note",
  description: "Changes the given fields of a note, found by its Details Flowers id or its linked GHL note. Creates it (linked) when the GHL note was never sent.",
  effect: "write",
  scopes: ["write"],
  input: updateNoteInput,
  output: updateNoteOutput,
  example: { input: { ghlNoteId: "note_12", body: "Prefers peonies and ranunculus." }, output: { note: sampleNote, created: false } },
  async run(ctx, input) {
    const { noteId, ghlNoteId, ghlContactId, clientId, ...rest } = input;
    if (!noteId && !ghlNoteId) throw new FatalError("Give the Details Flowers note id or the GHL note id of the note to update.");
    const body = defined({ ...rest, authorEmail: normalizeEmail(rest.authorEmail) });
    const { record, created } = await writeLinked(ctx, "note", { recordId: noteId, ghlId: ghlNoteId, ghlContactId, clientId }, {
      update: (id, externalIds, key) =>
        callDf(ctx.http, dfOperations.updateNote, { path: { id }, body: defined({ ...body, externalIds }), idempotencyKey: key }),
      create: (client, externalIds, key) => {
        if (!rest.body) throw new FatalError(`GHL note ${ghlNoteId} is not in Details Flowers yet, and creating it needs the note text.`);
        return callDf(ctx.http, dfOperations.createNote, { path: { id: client }, body: { ...defined({ ...body, externalIds }), body: rest.body }, idempotencyKey: key });
      },
    });
    return { note: record, created };
  },
});
