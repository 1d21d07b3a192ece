import { expect, test } from "@playwright/test";
import { DF_SANDBOX, GHL_SANDBOX, signIn } from "./helpers";

test("recipe 1 from a template: a contact created in HighLevel becomes a Details Flowers client", async ({ page }) => {
  await signIn(page);

  // Connect both systems: HighLevel through OAuth, Details Flowers with the sandbox's credentials.
  await page.getByRole("navigation").getByRole("link", { name: "Connections" }).click();
  await page.getByRole("link", { name: "Connect HighLevel" }).click();
  await page.getByTestId("approve-button").click();
  await expect(page.getByTestId("connected-banner")).toBeVisible();
  await page.getByRole("button", { name: "Connect Details Flowers" }).click();
  await expect(page.getByTestId("connection-details-flowers")).toContainText("Active");

  // Install the recipe and publish it.
  await page.getByRole("navigation").getByRole("link", { name: "Workflows" }).click();
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByTestId("template-contact-to-client").click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("workflow-checks")).toContainText("can be published");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  // The trigger listens on one HighLevel location (its connection); fire the event there.
  const triggerStep = await page.getByTestId("step-trigger").textContent();
  const locationId = /HighLevel location ([A-Za-z0-9]{20})/.exec(triggerStep ?? "")?.[1];
  expect(locationId).toBeTruthy();

  // A newcomer fires the trigger from the HighLevel sandbox's admin page.
  const email = `poppy.${Date.now()}@example.com`;
  await page.goto(`${GHL_SANDBOX}/admin?location=${locationId}`);
  await page.getByLabel("First name").first().fill("Poppy");
  await page.getByLabel("Last name").first().fill("Field");
  await page.getByLabel("Email").first().fill(email);
  await page.getByRole("button", { name: "Create contact" }).click();

  // …and sees the result in the Details Flowers sandbox.
  await expect(async () => {
    await page.goto(`${DF_SANDBOX}/admin?q=${encodeURIComponent(email)}`);
    await expect(page.locator(`[data-testid="client-card"][data-email="${email}"]`)).toContainText("Poppy Field", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator(`[data-testid="client-card"][data-email="${email}"] [data-testid="external-id"][data-system="ghl"]`)).toBeVisible();

  // …and the run, with each step's input and output, in the run history.
  await page.goto(`/runs?contact=${encodeURIComponent(email)}`);
  const row = page.getByTestId("run-row").first();
  await expect(row).toContainText(/Poppy Field|poppy\./);
  await row.getByRole("link").click();
  await expect(page.getByTestId("step-upsertClient")).toContainText("Create or update the client");
  await page.getByTestId("step-upsertClient").getByText("Output").click();
  await expect(page.getByTestId("step-upsertClient").getByTestId("step-output")).toContainText(email);
});
