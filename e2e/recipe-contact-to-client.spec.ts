import { expect, test } from "@playwright/test";
import { connectBothSandboxes, createGhlContact, expectDfClient, publishFromEditor, signIn } from "./helpers";

test("recipe 1 from a template: a contact created in HighLevel becomes a Details Flowers client", async ({ page }) => {
  await signIn(page);
  const locationId = await connectBothSandboxes(page);

  // Install the recipe and publish it.
  await page.getByRole("navigation").getByRole("link", { name: "Workflows" }).click();
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByTestId("template-contact-to-client").click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  const workflowId = page.url().split("/").at(-1) as string;
  await expect(page.getByRole("button", { name: /^Problems: No problems/ })).toBeVisible();
  await publishFromEditor(page);
  await page.getByRole("link", { name: /^Versions/ }).click();
  await expect(page.getByTestId("workflow-checks")).toContainText("can be published");

  // A newcomer fires the trigger from the HighLevel sandbox's admin page…
  const email = `poppy.${Date.now()}@example.com`;
  await createGhlContact(page, locationId, { firstName: "Poppy", lastName: "Field", email });

  // …and sees the result in the Details Flowers sandbox.
  const card = await expectDfClient(page, email, "Poppy Field");
  await expect(card.locator('[data-testid="external-id"][data-system="ghl"]')).toBeVisible();

  // …and the run, with each step's input and output, in the run history.
  // Other journeys' workflows may react to the same contact: look at this workflow's runs.
  await page.goto(`/runs?workflowId=${workflowId}&contact=${encodeURIComponent(email)}`);
  const row = page.getByTestId("run-row").first();
  await expect(row).toContainText(/Poppy Field|poppy\./);
  await row.getByRole("link").click();
  await expect(page.getByTestId("step-upsertClient")).toContainText("Create or update the client");
  await page.getByTestId("step-upsertClient").getByText("Output").click();
  await expect(page.getByTestId("step-upsertClient").getByTestId("step-output")).toContainText(email);
});
