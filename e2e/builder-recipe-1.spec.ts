/**
 * Issue #6's main journey: an admin builds recipe 1 on an empty canvas by drag and drop,
 * maps fields by dragging them from real sample data, adds a transform, tests the step,
 * publishes, and sees a new HighLevel contact arrive in Details Flowers and in run history.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { connectBothSandboxes, createGhlContact, expectDfClient, publishFromEditor, signIn } from "./helpers";

const canvas = (page: Page) => page.getByLabel("Workflow canvas");

async function dragFromPalette(page: Page, search: string, label: string, to: { x: number; y: number }) {
  await page.getByRole("combobox", { name: "Search steps" }).fill(search);
  const option = page.getByRole("option").filter({ has: page.getByText(label, { exact: true }) }).first();
  await option.dragTo(canvas(page), { targetPosition: to });
}

/** Draws a connection from one handle to another with the mouse, once the layout has settled. */
async function connectHandles(page: Page, from: Locator, to: Locator) {
  const settled = async (l: Locator) => {
    let last = "";
    for (;;) {
      const box = await l.boundingBox();
      const now = JSON.stringify(box);
      if (box && now === last) return box;
      last = now;
      await page.waitForTimeout(150);
    }
  };
  const a = await settled(from);
  const b = await settled(to);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Drags a sample field into an input, dropping it at the end of what the input holds. */
async function dropField(page: Page, field: string, input: Locator) {
  const box = await input.boundingBox();
  const targetPosition = box ? { x: box.width - 4, y: box.height / 2 } : undefined;
  await page.getByRole("button", { name: new RegExp(`^Contact created · ${field} \\(`) }).dragTo(input, { targetPosition });
}

test("build recipe 1 from an empty canvas, map by dragging, test, publish, and run it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const locationId = await connectBothSandboxes(page);

  // A real event to map from: a contact created before the workflow exists.
  const sampleEmail = `sage.${Date.now()}@example.com`;
  await createGhlContact(page, locationId, { firstName: "Sage", lastName: "Sample", email: sampleEmail });

  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByLabel("Name").fill(`Contacts to Details Flowers, by hand ${Date.now()}`);
  await page.getByRole("button", { name: "Create blank" }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);

  // Trigger: drag it from the palette; its only connection is picked for it.
  await dragFromPalette(page, "contact created", "Contact created", { x: 150, y: 150 });
  // The step lands under the pointer: the view does not jump to fit the first step.
  const canvasBox = await canvas(page).boundingBox();
  const dropped = await page.getByLabel("Step: Contact created").boundingBox();
  const at = { x: (canvasBox?.x ?? 0) + 150, y: (canvasBox?.y ?? 0) + 150 };
  expect(dropped && at.x >= dropped.x && at.x <= dropped.x + dropped.width && at.y >= dropped.y && at.y <= dropped.y + dropped.height).toBe(true);
  const triggerPanel = page.getByRole("complementary", { name: "Settings of Contact created" });
  await expect(triggerPanel.getByLabel("HighLevel connection")).not.toHaveValue("");
  await triggerPanel.getByRole("button", { name: "Test trigger" }).click();
  await expect(triggerPanel.locator("pre[aria-label=\"Trigger sample\"]")).toContainText(sampleEmail);

  // Action: drag "Create or update client" onto the canvas and wire the trigger to it.
  await dragFromPalette(page, "client", "Create or update client", { x: 250, y: 420 });
  // Close the settings panel and fit the view, so both steps are in sight.
  await page.getByRole("button", { name: "Close settings" }).click();
  await page.getByRole("button", { name: "Tidy up layout" }).click();
  await page.getByRole("toolbar", { name: "Workflow editor" }).getByRole("button", { name: "Fit view" }).click();
  // A mouse gesture can start before the view has finished fitting: draw it again if it missed.
  await expect(async () => {
    await connectHandles(page, page.getByLabel("Contact created: output Next"), page.getByLabel("Create or update client: input"));
    await expect(page.getByLabel("Step: Create or update client").getByRole("img", { name: /not connected to the trigger/ })).toHaveCount(0, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await page.getByLabel("Step: Create or update client").click();
  const panel = page.getByRole("complementary", { name: "Settings of Create or update client" });
  await expect(panel.getByLabel("Details Flowers connection")).not.toHaveValue("");

  // Map by dragging fields from the trigger's real sample onto the inputs.
  const email = panel.getByRole("textbox", { name: "Email", exact: true });
  await dropField(page, "email", email);
  await expect(email.locator("[data-ref-node=trigger]")).toHaveCount(1);
  await dropField(page, "id", panel.getByRole("textbox", { name: "Ghl contact ID" }));
  const fullName = panel.getByRole("textbox", { name: "Full name" });
  await dropField(page, "firstName", fullName);
  // Click after the pill to put the caret at the end, type a space, then drop the last name there.
  const fullNameBox = await fullName.boundingBox();
  await fullName.click({ position: { x: (fullNameBox?.width ?? 200) - 4, y: (fullNameBox?.height ?? 20) / 2 } });
  await page.keyboard.press("End");
  await page.keyboard.type(" ");
  await dropField(page, "lastName", fullName);
  await expect(fullName.locator("[data-ref-node=trigger]")).toHaveCount(2);
  // The preview evaluates what will be saved on the sample: first name, space, last name.
  await expect(fullName.locator("xpath=../../p[starts-with(normalize-space(.), 'Preview')]")).toHaveText("Preview: Sage Sample");

  // Suggested mappings by name: one click each.
  await panel.getByRole("button", { name: /^Map firstName from Contact created/ }).click();
  await panel.getByRole("button", { name: /^Map lastName from Contact created/ }).click();
  await expect(panel.getByRole("textbox", { name: "Last name" }).locator("[data-ref-node=trigger]")).toHaveCount(1);

  // A transform from the menu, no typing: trim the full name.
  await panel.getByRole("button", { name: "Transform Full name" }).click();
  await page.getByRole("menuitem", { name: /^Trim/ }).click();
  await expect(panel.getByRole("list", { name: "Transforms" }).first()).toContainText("Trim");

  // Test the step for real against the Details Flowers sandbox: a write, so it asks first.
  await panel.getByRole("button", { name: "Test this step" }).click();
  const ask = panel.getByRole("alertdialog", { name: "Test for real?" });
  await expect(ask).toContainText("writes to Details Flowers for real");
  await ask.getByRole("button", { name: "Test for real" }).click();
  await expect(panel.getByText("Test succeeded")).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByLabel("Test output")).toContainText(sampleEmail);
  await expect(page.getByRole("button", { name: /^Problems: No problems/ })).toBeVisible();
  await expect(page.locator("[data-save-state=saved]")).toBeVisible();

  await publishFromEditor(page);
  await expect(page.getByText(/Published v1/).first()).toBeVisible();

  // A new contact in HighLevel now becomes a Details Flowers client…
  const email2 = `fern.${Date.now()}@example.com`;
  await createGhlContact(page, locationId, { firstName: "Fern", lastName: "Final", email: email2 });
  await expectDfClient(page, email2, "Fern Final");

  // …and the run is in history.
  await expect(async () => {
    await page.goto(`/runs?contact=${encodeURIComponent(email2)}`);
    await expect(page.getByTestId("run-row").first()).toContainText(/succeeded/i, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});
