import { expect, test } from "@playwright/test";
import { connectBothSandboxes, publishFromEditor, signIn } from "./helpers";

test("backfill progress: existing HighLevel contacts go through recipe 1 with a live progress bar and a result summary", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);

  await connectBothSandboxes(page);

  await page.getByRole("navigation").getByRole("link", { name: "Workflows" }).click();
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByTestId("template-contact-to-client").click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  const workflowId = /\/workflows\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? "";
  await publishFromEditor(page);

  // The sandbox location already holds seeded contacts with tasks and notes: backfill them.
  await page.getByRole("navigation").getByRole("link", { name: "Backfills" }).click();
  await expect(page).toHaveURL(/\/backfills$/);
  await page.getByRole("combobox", { name: "Workflow", exact: true }).selectOption(workflowId);
  await expect(page.getByLabel("Tasks")).toBeChecked();
  await expect(page.getByLabel("Notes")).toBeChecked();
  await page.getByRole("button", { name: "Start backfill" }).click();

  const card = page.getByTestId("backfill").first();
  await expect(card).toBeVisible();
  // Progress arrives by polling, without reloading the page.
  await expect(card).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  const progress = (await card.getByTestId("backfill-progress").textContent()) ?? "";
  const [, done, total] = /(\d+) \/ (\d+) contacts/.exec(progress) ?? [];
  expect(Number(total)).toBeGreaterThan(0);
  expect(done).toBe(total);
  // The summary settles once every run it started has ended.
  await expect(card.getByTestId("backfill-summary")).toContainText(`${total} succeeded`, { timeout: 90_000 });
  await expect(card.getByTestId("backfill-summary")).toContainText("0 failed");

  await card.getByRole("link", { name: `${total} succeeded` }).click();
  await expect(page).toHaveURL(new RegExp(`/runs\\?workflowId=${workflowId}&status=succeeded`));
  await expect(page.getByTestId("run-row").first()).toBeVisible();
});
