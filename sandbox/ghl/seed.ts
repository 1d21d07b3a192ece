import { Faker, en, base } from "@faker-js/faker";
import type {
  AppointmentRecord,
  ContactRecord,
  CustomFieldDef,
  LocationRecord,
  NoteRecord,
  SandboxData,
  TaskRecord,
} from "./types";

// Fixed reference date so seeded timestamps do not drift with the wall clock.
const REF_DATE = new Date("2026-11-01T09:00:00.000Z");
const TAGS = ["vip", "wedding", "birthday", "corporate", "newsletter", "repeat customer", "sympathy"];
const FLOWERS = ["peony", "tulip", "ranunculus", "lily", "rose", "dahlia", "orchid"];
const APPOINTMENT_STATUSES = ["confirmed", "new", "showed", "cancelled"];

export const SEED_CONTACTS_PER_LOCATION = 25;

function customFieldDefs(f: Faker): CustomFieldDef[] {
  const id = () => f.string.alphanumeric({ length: 20, casing: "mixed" });
  return [
    { id: id(), name: "Favourite flower", fieldKey: "contact.favourite_flower", dataType: "SINGLE_OPTIONS", picklistOptions: FLOWERS },
    { id: id(), name: "Anniversary", fieldKey: "contact.anniversary", dataType: "DATE" },
    { id: id(), name: "Delivery notes", fieldKey: "contact.delivery_notes", dataType: "LARGE_TEXT" },
    { id: id(), name: "Budget", fieldKey: "contact.budget", dataType: "MONETORY" },
  ];
}

function phone(f: Faker): string {
  return `+1${f.helpers.arrayElement(["206", "312", "415", "512", "617", "718"])}${f.string.numeric({ length: 7, allowLeadingZeros: false })}`;
}

function seedContact(f: Faker, loc: LocationRecord, userIds: string[], i: number): ContactRecord {
  const firstName = f.person.firstName();
  const lastName = f.person.lastName();
  const added = f.date.past({ years: 1, refDate: REF_DATE });
  const updated = f.date.between({ from: added, to: REF_DATE });
  const [flower, anniversary, notes] = loc.customFields;
  return {
    id: f.string.alphanumeric({ length: 20, casing: "mixed" }),
    locationId: loc.id,
    firstName,
    lastName,
    name: `${firstName} ${lastName}`,
    email: `${firstName}.${lastName}${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ""),
    phone: phone(f),
    companyName: f.datatype.boolean(0.3) ? f.company.name() : null,
    address1: f.location.streetAddress(),
    city: f.location.city(),
    state: f.location.state({ abbreviated: true }),
    postalCode: f.location.zipCode("#####"),
    country: "US",
    website: null,
    timezone: loc.timezone,
    dnd: false,
    dndSettings: {},
    type: f.helpers.arrayElement(["lead", "customer"]),
    source: f.helpers.arrayElement(["website form", "walk-in", "phone order", "instagram"]),
    assignedTo: f.helpers.arrayElement(userIds),
    tags: f.helpers.arrayElements(TAGS, { min: 0, max: 3 }),
    customFields: [
      { id: flower.id, value: f.helpers.arrayElement(FLOWERS) },
      ...(f.datatype.boolean(0.4) ? [{ id: anniversary.id, value: f.date.past({ years: 10, refDate: REF_DATE }).toISOString().slice(0, 10) }] : []),
      ...(f.datatype.boolean(0.3) ? [{ id: notes.id, value: "Leave at the side door" }] : []),
    ],
    dateOfBirth: f.datatype.boolean(0.5) ? f.date.birthdate({ refDate: REF_DATE }).toISOString().slice(0, 10) + "T00:00:00.000Z" : null,
    businessId: null,
    followers: [],
    campaigns: [],
    workflows: [],
    dateAdded: added.toISOString(),
    dateUpdated: updated.toISOString(),
  };
}

function seedChildren(f: Faker, c: ContactRecord, userIds: string[], data: SandboxData, calendarId: string) {
  const id = () => f.string.alphanumeric({ length: 20, casing: "mixed" });
  for (let t = 0; t < f.number.int({ min: 0, max: 2 }); t++) {
    const task: TaskRecord = {
      id: id(),
      contactId: c.id,
      locationId: c.locationId,
      title: f.helpers.arrayElement(["Call about arrangement", "Confirm delivery address", "Send invoice", "Follow up on quote"]),
      body: f.lorem.sentence(),
      assignedTo: f.helpers.arrayElement(userIds),
      dueDate: f.date.soon({ days: 30, refDate: REF_DATE }).toISOString(),
      completed: f.datatype.boolean(0.3),
      dateAdded: c.dateUpdated,
    };
    data.tasks[task.id] = task;
  }
  for (let n = 0; n < f.number.int({ min: 0, max: 2 }); n++) {
    const note: NoteRecord = {
      id: id(),
      contactId: c.id,
      locationId: c.locationId,
      body: f.lorem.sentences(2),
      userId: f.helpers.arrayElement(userIds),
      title: null,
      color: null,
      pinned: false,
      dateAdded: c.dateUpdated,
    };
    data.notes[note.id] = note;
  }
  if (f.datatype.boolean(0.4)) {
    const start = f.date.soon({ days: 45, refDate: REF_DATE });
    start.setUTCMinutes(0, 0, 0);
    const appt: AppointmentRecord = {
      id: id(),
      locationId: c.locationId,
      contactId: c.id,
      calendarId,
      groupId: calendarId,
      title: f.helpers.arrayElement(["Wedding consultation", "Event walkthrough", "Bouquet pickup"]),
      status: "booked",
      appointmentStatus: f.helpers.arrayElement(APPOINTMENT_STATUSES),
      assignedUserId: f.helpers.arrayElement(userIds),
      users: [],
      notes: "",
      address: f.location.streetAddress(),
      source: "booking_widget",
      startTime: start.toISOString(),
      endTime: new Date(start.getTime() + 3600_000).toISOString(),
      dateAdded: c.dateUpdated,
      dateUpdated: c.dateUpdated,
    };
    appt.users = [appt.assignedUserId];
    data.appointments[appt.id] = appt;
  }
}

/** Same seed → byte-identical data (ids included), so tests can rely on fixed ids. */
export function seedData(seed: number): SandboxData {
  const f = new Faker({ locale: [en, base] });
  f.seed(seed);
  const id = () => f.string.alphanumeric({ length: 20, casing: "mixed" });
  const companyId = id();
  const users = [0, 1].map(() => {
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    return { id: id(), companyId, firstName, lastName, name: `${firstName} ${lastName}`, email: `${firstName}.${lastName}@bloombridge.test`.toLowerCase() };
  });
  const userIds = users.map((u) => u.id);
  const locations: LocationRecord[] = [
    { name: "Petal & Stem – Seattle", address: "1201 Pike St, Seattle, WA 98101", timezone: "America/Los_Angeles" },
    { name: "Petal & Stem – Chicago", address: "55 W Randolph St, Chicago, IL 60601", timezone: "America/Chicago" },
  ].map((l) => ({
    ...l,
    id: id(),
    companyId,
    allowDuplicateContact: false,
    duplicatePriority: ["email", "phone"],
    customFields: customFieldDefs(f),
  }));
  const data: SandboxData = {
    version: 1,
    company: { id: companyId, name: "Petal & Stem Group" },
    users,
    locations,
    contacts: {},
    tasks: {},
    notes: {},
    appointments: {},
    oauth: { codes: {}, accessTokens: {}, refreshTokens: {} },
    webhookUrl: null,
  };
  for (const loc of locations) {
    const calendarId = id();
    for (let i = 0; i < SEED_CONTACTS_PER_LOCATION; i++) {
      const c = seedContact(f, loc, userIds, i);
      data.contacts[c.id] = c;
      seedChildren(f, c, userIds, data, calendarId);
    }
  }
  return data;
}
