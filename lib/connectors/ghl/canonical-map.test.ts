import { describe, expect, it } from "vitest";
import { canonicalAppointment, canonicalContact, canonicalNote, canonicalTask } from "../canonical";
import { normalizeGhlTime, toCanonicalAppointment, toCanonicalAppointmentStatus, toCanonicalContact, toCanonicalNote, toCanonicalTask } from "./canonical-map";
import responses from "./fixtures/responses.json";
import { ghlWebhookEvents } from "./generated/webhooks";

describe("GHL → canonical", () => {
  it("maps a REST contact", () => {
    const contact = toCanonicalContact(responses["ghl.contact.get"].contact);
    expect(canonicalContact.parse(contact)).toEqual({
      id: "nmFmQEsNgz6AVpgLVUJ0",
      email: "maya@lindqvist-studio.com",
      phone: "+15035550148",
      fullName: "Maya Lindqvist",
      firstName: "Maya",
      lastName: "Lindqvist",
      companyName: "Lindqvist Studio",
      tags: ["vip", "wedding"],
      updatedAt: "2026-03-14T09:02:44.901Z",
    });
  });

  it("maps a webhook contact, lower-casing email and building the name", () => {
    const contact = toCanonicalContact({ ...ghlWebhookEvents.ContactCreate.sample, email: "JohnDeo@Gmail.com", name: null, phone: "(503) 555-0148" });
    expect(contact).toMatchObject({ email: "johndeo@gmail.com", fullName: "John Deo", phone: "+15035550148", updatedAt: "2021-11-26T12:41:02.193Z" });
  });

  it("maps tasks and notes", () => {
    expect(canonicalTask.parse(toCanonicalTask(responses["ghl.task.get"].task))).toMatchObject({ title: "Confirm bouquet colours", completed: false, dueAt: "2026-03-20T17:00:00.000Z" });
    expect(canonicalNote.parse(toCanonicalNote(responses["ghl.note.get"].note))).toMatchObject({ body: "Prefers no lilies (allergy).", createdAt: "2026-03-14T09:05:10.112Z" });
  });

  it("maps appointment statuses", () => {
    expect(["new", "confirmed", "showed", "noshow", "cancelled", "invalid", "booked", "mystery", null].map(toCanonicalAppointmentStatus)).toEqual([
      "scheduled", "scheduled", "completed", "no_show", "cancelled", "cancelled", "scheduled", "scheduled", "scheduled",
    ]);
  });

  it("normalizes zone-less times to UTC and keeps offsets", () => {
    expect(normalizeGhlTime("2021-07-16 11:00:00")).toBe("2021-07-16T11:00:00.000Z");
    expect(normalizeGhlTime("2023-09-25T16:00:00+05:30")).toBe("2023-09-25T16:00:00+05:30");
    expect(normalizeGhlTime("2026-03-20T17:00:00.000Z")).toBe("2026-03-20T17:00:00.000Z");
    const appointment = toCanonicalAppointment(responses["ghl.appointment.list"].events[0]);
    expect(canonicalAppointment.parse(appointment)).toMatchObject({ startsAt: "2026-03-21T18:00:00.000Z", endsAt: "2026-03-21T18:30:00.000Z", status: "scheduled" });
    expect(toCanonicalAppointment(ghlWebhookEvents.AppointmentCreate.sample.appointment).startsAt).toBe("2023-09-25T16:00:00+05:30");
  });
});
