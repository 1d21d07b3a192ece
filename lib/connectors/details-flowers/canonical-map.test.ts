import { describe, expect, it } from "vitest";
import { canonicalAppointment, canonicalContact, canonicalNote, canonicalTask } from "../canonical";
import {
  appointmentToCanonical, canonicalToAppointment, canonicalToClient, canonicalToNote, canonicalToTask,
  clientToCanonical, noteToCanonical, taskToCanonical,
} from "./canonical-map";
import { AppointmentCreate, ClientPatch, NoteCreate, TaskCreate } from "./generated/schemas";
import { sampleAppointment, sampleClient, sampleNote, sampleTask } from "./operations/samples";

describe("Details Flowers ↔ canonical", () => {
  it("client round-trips through the canonical contact", () => {
    const contact = canonicalContact.parse(clientToCanonical(sampleClient));
    expect(contact).toMatchObject({ id: "cl_8f2k", companyName: null, email: "ada@example.com", phone: "+15551234567" });
    const patch = ClientPatch.parse(canonicalToClient(contact));
    expect(patch).toMatchObject({ fullName: "Ada Lovelace", email: "ada@example.com", tags: ["wedding"] });
  });

  it("canonical → client leaves unknown fields out and lower-cases email", () => {
    expect(canonicalToClient({ email: "Ada@Example.com", tags: [] })).toEqual({ email: "ada@example.com", tags: [] });
  });

  it("task, note and appointment map both ways and satisfy the contract's create schemas", () => {
    const task = canonicalTask.parse(taskToCanonical(sampleTask));
    expect(task.contactId).toBe("cl_8f2k");
    expect(TaskCreate.safeParse(canonicalToTask(task)).success).toBe(true);
    const note = canonicalNote.parse(noteToCanonical(sampleNote));
    expect(NoteCreate.safeParse(canonicalToNote(note)).success).toBe(true);
    const appt = canonicalAppointment.parse(appointmentToCanonical(sampleAppointment));
    expect(AppointmentCreate.safeParse(canonicalToAppointment(appt)).success).toBe(true);
  });

  it("an appointment without an end gets the default duration", () => {
    const out = canonicalToAppointment({ title: "Consult", startsAt: "2026-02-03T15:00:00.000Z", status: "scheduled" });
    expect(out.endsAt).toBe("2026-02-03T16:00:00.000Z");
  });
});
