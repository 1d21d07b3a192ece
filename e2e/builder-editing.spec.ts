/** Editing in the workflow studio: keyboard insertion, undo/redo, validation, import/export. */
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

async function newBlankWorkflow(page: Page, name: string) {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create blank" }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("workflow-editor")).toBeVisible();
}

/**
 * "/" focuses the palette search (focus stays there after an insert); arrow keys move to the
 * step called `label`; Enter inserts it. No mouse.
 */
async function insertByKeyboard(page: Page, search: string, label: string) {
  const box = page.getByRole("combobox", { name: "Search steps" });
  if (!(await box.evaluate((el) => el === document.activeElement))) await page.keyboard.press("/");
  await expect(box).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type(search);
  const selected = page.getByRole("listbox", { name: "Available steps" }).getByRole("option", { selected: true });
  for (let i = 0; i < 12; i++) {
    await expect(selected).toHaveCount(1);
    if ((await selected.locator("span.truncate").first().textContent()) === label) break;
    await page.keyboard.press("ArrowDown");
  }
  await expect(selected.locator("span.truncate").first()).toHaveText(label);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(`Step: ${label}`)).toBeVisible();
}

test.beforeEach(async ({ page }) => signIn(page));

test("keyboard only: insert a trigger and a step after it", async ({ page }) => {
  await newBlankWorkflow(page, `Keyboard ${Date.now()}`);
  await insertByKeyboard(page, "contact created", "Contact created");
  await expect(page.getByLabel("Step: Contact created")).toBeVisible();
  await insertByKeyboard(page, "filter", "Filter");
  await expect(page.getByLabel("Step: Filter")).toBeVisible();
  // Inserted after the trigger, so it is wired: no "not connected" problem on it.
  await expect(page.getByLabel("Step: Filter").getByRole("img", { name: /not connected to the trigger/ })).toHaveCount(0);
});

test("undo and redo, from the toolbar and the keyboard, survive a reload once saved", async ({ page }) => {
  await newBlankWorkflow(page, `Undo ${Date.now()}`);
  await insertByKeyboard(page, "contact created", "Contact created");
  await insertByKeyboard(page, "delay", "Delay");
  await expect(page.getByLabel("Step: Delay")).toBeVisible();

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByLabel("Step: Delay")).toHaveCount(0);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(page.getByLabel("Step: Delay")).toBeVisible();
  await page.locator("body").focus();
  await page.keyboard.press("Control+z");
  await expect(page.getByLabel("Step: Delay")).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(page.getByLabel("Step: Delay")).toBeVisible();

  await expect(page.locator("[data-save-state=saved]")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Step: Delay")).toBeVisible();
  await expect(page.getByLabel("Step: Contact created")).toBeVisible();
});

test("an incomplete workflow lists its problems and cannot be published", async ({ page }) => {
  await newBlankWorkflow(page, `Incomplete ${Date.now()}`);
  await insertByKeyboard(page, "contact created", "Contact created");
  await insertByKeyboard(page, "add tags", "Add tags to contact");
  const problems = page.getByRole("button", { name: /^Problems: [1-9]\d* errors?/ });
  await expect(problems).toBeVisible();
  await problems.click();
  await expect(page.getByRole("dialog").or(page.getByRole("menu")).first()).toContainText(/required|needs|missing|no connection/i);
  await page.keyboard.press("Escape");

  await page.getByRole("toolbar", { name: "Workflow editor" }).getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/Not published: \d+ problems?/)).toBeVisible();
  await expect(page.getByTestId("publish-dialog")).toHaveCount(0);
});

test("export a workflow as JSON and import it back as a new one", async ({ page }) => {
  const name = `Round trip ${Date.now()}`;
  await newBlankWorkflow(page, name);
  await insertByKeyboard(page, "contact created", "Contact created");
  await insertByKeyboard(page, "filter", "Filter");
  await expect(page.locator("[data-save-state=saved]")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export JSON" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, "utf8")) as { name: string; graph: { nodes: { kind: string }[] } };
  expect(exported.name).toBe(name);
  expect(exported.graph.nodes.map((n) => n.kind)).toEqual(["trigger", "filter"]);

  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Workflow JSON").fill(JSON.stringify({ ...exported, name: `${name} (imported)` }));
  await page.getByRole("button", { name: "Import workflow" }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: `${name} (imported)` })).toBeVisible();
  await expect(page.getByLabel("Step: Contact created")).toBeVisible();
  await expect(page.getByLabel("Step: Filter")).toBeVisible();

  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Workflow JSON").fill(JSON.stringify({ ...exported, graph: { ...exported.graph, schemaVersion: 99 } }));
  await page.getByRole("button", { name: "Import workflow" }).click();
  await expect(page.getByRole("dialog")).toContainText(/format v99|newer than this server/);
});
