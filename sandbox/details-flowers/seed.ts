/** Deterministic demo data: ~15 clients of a Central Florida event florist, with linked records. */
import { en, Faker } from "@faker-js/faker";
import type { DfStore } from "./store";
import type { Appointment, Client, DfEvent, Note, Order, OrderStatus, ResourceType, Task, AnyRecord } from "./types";

const SEED = 20_240_611;
const START = Date.parse("2025-03-01T14:00:00.000Z");
const HOUR = 3_600_000;
const VENUES = [
  "Bellwether Gardens, Orlando FL", "The Palms Ballroom, Daytona Beach FL", "Lakeside Pavilion, Winter Park FL",
  "Lighthouse Lawn, St. Augustine FL", "Riverside Chapel, DeLand FL", "Cypress Hall, Sanford FL",
];
const AREA_CODES = ["407", "386", "321", "689", "904"];
const TASKS = ["Send proposal", "Confirm centerpiece count", "Order garden roses", "Schedule venue walkthrough", "Collect deposit", "Finalize bouquet recipe"];
const NOTES = [
  "Loves blush peonies and eucalyptus; no lilies (allergy).", "Venue requires all florals out by 11pm.",
  "Wants a hanging installation over the head table.", "Budget is firm; suggested swapping orchids for spray roses.",
  "Mother of the bride will handle corsage pickup.", "Asked for a mock-up of the arch before signing.",
];
const APPOINTMENTS = ["Design consultation", "Venue walkthrough", "Final details meeting"];

export function seed(store: DfStore) {
  const faker = new Faker({ locale: [en], seed: SEED });
  let clock = START;
  const tick = (hours = 1) => new Date((clock += hours * HOUR)).toISOString();
  const put = <T extends AnyRecord>(type: ResourceType, record: T) => {
    (store.state.records[type] as Record<string, AnyRecord>)[record.id] = record;
    store.record(type, "created", record);
    return record;
  };
  let orderNumber = 1000;

  for (let i = 0; i < 15; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const at = tick(24 + faker.number.int(48));
    const client = put<Client>("client", {
      id: store.nextId("client"), fullName: `${firstName} ${lastName}`, firstName, lastName,
      email: faker.internet.exampleEmail({ firstName, lastName }).toLowerCase(),
      phone: `+1${faker.helpers.arrayElement(AREA_CODES)}${faker.string.numeric({ length: 7, allowLeadingZeros: false })}`,
      company: i % 5 === 4 ? faker.company.name() : null,
      address: { line1: faker.location.streetAddress(), line2: null, city: faker.helpers.arrayElement(["Orlando", "Daytona Beach", "DeLand", "Winter Park", "Sanford"]), region: "FL", postalCode: faker.location.zipCode("327##"), country: "US" },
      tags: faker.helpers.arrayElements(["wedding", "vip", "referral", "corporate", "2025-season"], { min: 0, max: 2 }),
      externalIds: {}, createdAt: at, updatedAt: at, deletedAt: null,
    });
    for (let e = 0; e < 1 + (i % 2); e++) {
      const evAt = tick();
      const type = i % 5 === 4 ? "corporate" : i % 7 === 6 ? "funeral" : "wedding";
      const status = faker.helpers.arrayElement<DfEvent["status"]>(["inquiry", "proposal_sent", "booked", "booked", "completed"]);
      const event = put<DfEvent>("event", {
        id: store.nextId("event"), clientId: client.id, type,
        name: type === "wedding" ? `${lastName}–${faker.person.lastName()} wedding` : type === "funeral" ? `${lastName} memorial` : `${client.company ?? lastName} gala`,
        date: faker.date.between({ from: "2025-09-01", to: "2026-10-31" }).toISOString().slice(0, 10),
        venue: faker.helpers.arrayElement(VENUES), status, externalIds: {}, createdAt: evAt, updatedAt: evAt,
      });
      if (status !== "inquiry") {
        const orderStatus: OrderStatus = status === "proposal_sent" ? "proposal_sent" : status === "completed" ? "paid" : faker.helpers.arrayElement<OrderStatus>(["signed", "deposit_paid"]);
        const total = faker.number.int({ min: 120, max: 950 }) * 1000;
        const oAt = tick();
        put<Order>("order", {
          id: store.nextId("order"), clientId: client.id, eventId: event.id, number: `P-${++orderNumber}`,
          kind: orderStatus === "proposal_sent" ? "proposal" : "order", status: orderStatus,
          total: { amount: total, currency: "USD" },
          balanceDue: { amount: orderStatus === "paid" ? 0 : orderStatus === "deposit_paid" ? Math.round(total * 0.7) : total, currency: "USD" },
          signedAt: orderStatus === "proposal_sent" ? null : oAt, externalIds: {}, createdAt: oAt, updatedAt: oAt,
        });
      }
      if (i % 2 === 0) {
        const tAt = tick();
        const completed = i % 4 === 0;
        put<Task>("task", {
          id: store.nextId("task"), clientId: client.id, eventId: event.id, title: faker.helpers.arrayElement(TASKS), body: null,
          dueAt: new Date(clock + 7 * 24 * HOUR).toISOString(), completed, completedAt: completed ? tAt : null,
          assigneeEmail: "studio@florist.example", externalIds: {}, createdAt: tAt, updatedAt: tAt, deletedAt: null,
        });
      }
      if (i % 3 === 0) {
        const apAt = tick();
        const startsAt = new Date(clock + 3 * 24 * HOUR);
        put<Appointment>("appointment", {
          id: store.nextId("appointment"), clientId: client.id, eventId: event.id, title: faker.helpers.arrayElement(APPOINTMENTS),
          startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString(), location: "Studio, 12 Beach St, Daytona Beach FL",
          status: "scheduled", notes: null, externalIds: {}, createdAt: apAt, updatedAt: apAt, deletedAt: null,
        });
      }
    }
    if (i % 3 !== 1) {
      const nAt = tick();
      put<Note>("note", {
        id: store.nextId("note"), clientId: client.id, eventId: null, body: faker.helpers.arrayElement(NOTES),
        authorEmail: "studio@florist.example", pinned: i % 6 === 0, externalIds: {}, createdAt: nAt, updatedAt: nAt, deletedAt: null,
      });
    }
  }
}
