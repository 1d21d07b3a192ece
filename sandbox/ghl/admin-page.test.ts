import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, startReceiver, waitFor, type Api } from "./test-helpers";

let api: Api;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
  api = await startApi({ webhookUrl: receiver.url });
});
afterAll(async () => {
  await api.sandbox.close();
  await receiver.close();
});

const post = (path: string, fields: Record<string, string>) =>
  fetch(api.sandbox.url + path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });

describe("admin page", () => {
  it("renders labelled forms with test ids", async () => {
    const html = await (await fetch(`${api.sandbox.url}/admin`)).text();
    for (const label of ["First name", "Last name", "Email", "Phone", "Tags"]) expect(html).toContain(`>${label}</label>`);
    expect(html).toContain('data-testid="create-contact-button">Create contact</button>');
    expect(html).toContain(`data-testid="location-link-${api.otherLocationId}"`);
    expect(html).toContain('data-testid="contacts-table"');
  });

  it("creates and edits a contact, adds task/note/appointment, each firing a webhook", async () => {
    const created = await post("/admin/ui/contacts", { locationId: api.locationId, firstName: "Ada", lastName: "Admin", email: "ada@x.test", phone: "", tags: "VIP, wedding" });
    expect(created.status).toBe(303);
    const contactId = new URL(created.headers.get("location")!, api.sandbox.url).searchParams.get("contact")!;
    expect(api.sandbox.sandbox.store.data.contacts[contactId]).toMatchObject({ name: "Ada Admin", tags: ["vip", "wedding"] });
    const page = await (await fetch(`${api.sandbox.url}/admin?location=${api.locationId}&contact=${contactId}`)).text();
    expect(page).toContain('data-testid="save-contact-button"');

    await post(`/admin/ui/contacts/${contactId}`, { firstName: "Ada", lastName: "Lovelace", email: "ada@x.test", phone: "", tags: "vip" });
    await post(`/admin/ui/contacts/${contactId}/tasks`, { title: "Call", body: "", dueDate: "2026-12-24" });
    await post(`/admin/ui/contacts/${contactId}/notes`, { body: "Prefers peonies" });
    await post(`/admin/ui/contacts/${contactId}/appointments`, { title: "Consult", startTime: "2026-12-20T15:00", appointmentStatus: "confirmed" });
    const types = ["ContactCreate", "ContactUpdate", "ContactTagUpdate", "TaskCreate", "NoteCreate", "AppointmentCreate"];
    await waitFor(() => receiver.received.length === types.length);
    expect(receiver.received.map((r) => r.json.type).sort()).toEqual([...types].sort());
  });

  it("shows GHL's duplicate error as a banner", async () => {
    const res = await post("/admin/ui/contacts", { locationId: api.locationId, firstName: "Twin", email: "ada@x.test" });
    const html = await (await fetch(new URL(res.headers.get("location")!, api.sandbox.url))).text();
    expect(html).toContain("This location does not allow duplicated contacts.");
  });
});
