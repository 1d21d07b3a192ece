import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { connectBothSandboxes, DF_SANDBOX, GHL_SANDBOX, publishFromEditor } from "./helpers";

/** Connects both sandboxes (idempotent across spec files) and installs + publishes a template. */
export async function installPublished(page: Page, templateKey: string): Promise<{ workflowId: string; locationId: string }> {
  const locationId = await connectBothSandboxes(page);
  await page.getByRole("navigation").getByRole("link", { name: "Workflows" }).click();
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByTestId(`template-${templateKey}`).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  const workflowId = page.url().split("/").pop() ?? "";
  await publishFromEditor(page);
  return { workflowId, locationId };
}

/** Creates a contact through the HighLevel sandbox's admin form; returns its id. */
export async function createGhlContact(request: APIRequestContext, locationId: string, email: string): Promise<string> {
  const res = await request.post(`${GHL_SANDBOX}/admin/ui/contacts`, { form: { locationId, firstName: "Iris", lastName: "Bloom", email, phone: "", tags: "" } });
  expect(res.ok()).toBe(true);
  const contactId = new URL(res.url()).searchParams.get("contact");
  expect(contactId).toBeTruthy();
  return contactId ?? "";
}

/** Adds a task to the contact in HighLevel, which fires `ghl.task.created`. */
export async function addGhlTask(request: APIRequestContext, contactId: string, title: string) {
  const res = await request.post(`${GHL_SANDBOX}/admin/ui/contacts/${contactId}/tasks`, { form: { title, body: "", dueDate: "2026-12-24" } });
  expect(res.ok()).toBe(true);
}

export async function setDfFaults(request: APIRequestContext, faults: Record<string, unknown> | null) {
  const res = faults ? await request.post(`${DF_SANDBOX}/admin/faults`, { data: faults }) : await request.delete(`${DF_SANDBOX}/admin/faults`);
  expect(res.ok()).toBe(true);
}

type Logged = { method: string; path: string };

export async function ghlRequests(request: APIRequestContext): Promise<Logged[]> {
  return ((await (await request.get(`${GHL_SANDBOX}/admin/requests`)).json()) as { requests: Logged[] }).requests;
}

export async function dfRequests(request: APIRequestContext): Promise<Logged[]> {
  return ((await (await request.get(`${DF_SANDBOX}/admin/requests`)).json()) as { data: Logged[] }).data;
}
