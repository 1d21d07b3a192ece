import { expect, type Page } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

export const GHL_SANDBOX = `http://127.0.0.1:${process.env.GHL_SANDBOX_PORT ?? 4110}`;
export const DF_SANDBOX = `http://127.0.0.1:${process.env.DF_SANDBOX_PORT ?? 4120}`;

export async function signIn(page: Page, user: { email: string; password: string } = E2E_ADMIN) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
}

/** Connects the GHL sandbox (OAuth, first location) and Details Flowers; returns the GHL location id. */
export async function connectBothSandboxes(page: Page): Promise<string> {
  // Journeys share one server: connect each system once, so every journey sees exactly one of each.
  await page.getByRole("navigation").getByRole("link", { name: "Connections" }).click();
  await expect(page.getByRole("heading", { name: "Connections", level: 1 })).toBeVisible();
  if ((await page.getByTestId("connection-ghl").count()) === 0) {
    await page.getByRole("link", { name: "Connect HighLevel" }).click();
    await page.getByTestId("approve-button").click();
    await expect(page.getByTestId("connected-banner")).toBeVisible();
  }
  if ((await page.getByTestId("connection-details-flowers").count()) === 0) {
    await page.getByRole("button", { name: "Connect Details Flowers" }).click();
  }
  await expect(page.getByTestId("connection-details-flowers")).toContainText("Active");
  // Oldest first: the connection templates bind to (another journey may add a second location).
  const card = await page.getByTestId("connection-ghl").first().textContent();
  const locationId = /([A-Za-z0-9]{20})/.exec(card ?? "")?.[1];
  expect(locationId, "the GHL connection card names its location").toBeTruthy();
  return locationId as string;
}

/** Creates a contact on the GHL sandbox's admin page, which fires its signed ContactCreate webhook. */
export async function createGhlContact(page: Page, locationId: string, contact: { firstName: string; lastName: string; email: string }) {
  await page.goto(`${GHL_SANDBOX}/admin?location=${locationId}`);
  await page.getByLabel("First name").first().fill(contact.firstName);
  await page.getByLabel("Last name").first().fill(contact.lastName);
  await page.getByLabel("Email").first().fill(contact.email);
  await page.getByRole("button", { name: "Create contact" }).click();
}

/** Waits until the Details Flowers sandbox shows a client with this email, and returns its card. */
export async function expectDfClient(page: Page, email: string, text: string | RegExp) {
  await expect(async () => {
    await page.goto(`${DF_SANDBOX}/admin?q=${encodeURIComponent(email)}`);
    await expect(page.locator(`[data-testid="client-card"][data-email="${email}"]`)).toContainText(text, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return page.locator(`[data-testid="client-card"][data-email="${email}"]`);
}

/** Publishes from the editor's toolbar through the changes dialog. */
export async function publishFromEditor(page: Page, version = 1) {
  await page.getByRole("toolbar", { name: "Workflow editor" }).getByRole("button", { name: "Publish" }).click();
  const dialog = page.getByTestId("publish-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: `Publish version ${version}` }).click();
  await expect(page.getByText(`Published version ${version}`).first()).toBeVisible();
}
