/** Add a note to a client; a GHL note already linked is updated instead (retry-safe). */
import { z } from "zod";
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Note, NoteCreate } from "../generated/schemas";
import { defined, writeLinked } from "../linked-write";
import { normalizeEmail } from "../normalize";
import { clientRefInput, createdFlag, ghlIdInput } from "./linked-inputs";
import { sampleNote } from "./samples";

export const createNoteInput = z.object({ ...clientRefInput, ghlNoteId: ghlIdInput("note"), ...NoteCreate.omit({ externalIds: true }).shape });
export const createNoteOutput = z.object({ note: Note.describe("The note after the write"), created: createdFlag("note") });

export const createNote = defineOperation({
  key: "details-flowers.note.create",
  connector: "details-flowers",
  resource: "note",
  label: "Create note",
  description: "Adds a note to the client linked to a GHL contact (or a given client). If the GHL note was already sent, it is updated instead of duplicated.",
  effect: "write",
  scopes: ["write"],
  input: createNoteInput,
  output: createNoteOutput,
  example: { input: { ghlContactId: "ocQHyuzHvysMo5N5VsXc", ghlNoteId: "note_12", body: "Prefers peonies; allergic to lilies." }, output: { note: sampleNote, created: true } },
  async run(ctx, input) {
    const { ghlContactId, clientId, ghlNoteId, ...rest } = input;
    const body = defined({ ...rest, authorEmail: normalizeEmail(rest.authorEmail) });
    const { record, created } = await writeLinked(ctx, "note", { ghlId: ghlNoteId, ghlContactId, clientId }, {
      update: (id, externalIds, key) =>
        callDf(ctx.http, dfOperations.updateNote, { path: { id }, body: defined({ ...body, externalIds }), idempotencyKey: key }),
      create: (client, externalIds, key) =>
        callDf(ctx.http, dfOperations.createNote, { path: { id: client }, body: { ...defined({ ...body, externalIds }), body: rest.body }, idempotencyKey: key }),
    });
    return { note: record, created };
  },
});
