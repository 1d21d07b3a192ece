import { expect, test, type Page } from "@playwright/test";
import { GHL_SANDBOX, signIn } from "./helpers";
import { addGhlTask, createGhlContact, dfRequests, ghlRequests, installPublished, setDfFaults } from "./runs-helpers";

// One workflow ("GHL task → client and all their tasks") shared by the journeys below, in order.
test.describe.configure({ mode: "serial" });

let workflowId = "";
let locationId = "";
let contactId = "";
const email = `iris.${Date.now()}@example.com`;
const TASK_FAULT = { failPaths: ["POST /clients/*/tasks"] };

const rows = (page: Page, status?: string) => page.locator(status ? `[data-testid="run-row"][data-status="${status}"]` : '[data-testid="run-row"]');

test("a failing run shows its error; replay from the failed step succeeds without repeating earlier calls", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page);
  ({ workflowId, locationId } = await installPublished(page, "task-to-client-tasks"));

  // Details Flowers refuses to create tasks, so "Mirror the task" fails after its retries.
  await setDfFaults(request, TASK_FAULT);
  contactId = await createGhlContact(request, locationId, email);
  await page.goto(`/runs?workflowId=${workflowId}&contact=${contactId}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-live", "true");
  await addGhlTask(request, contactId, "Call about the wedding bouquet");
  await expect(rows(page, "failed")).toHaveCount(1, { timeout: 60_000 });
  await rows(page, "failed").getByRole("link").click();

  await expect(page.getByTestId("run-error")).toContainText("“Mirror the task” failed");
  await expect(page.getByTestId("graph-node-mirrorTask")).toHaveAttribute("data-status", "failed");
  await expect(page.getByTestId("graph-node-getContact")).toHaveAttribute("data-status", "succeeded");
  await expect(page.getByTestId("step-timeline")).toContainText("Fetch the contact");

  const ghlBefore = (await ghlRequests(request)).filter((r) => r.path.includes(contactId)).length;
  const dfBefore = await dfRequests(request);
  const dfNonTaskBefore = dfBefore.filter((r) => !r.path.includes("/tasks")).length;
  expect(ghlBefore).toBeGreaterThan(0);

  await setDfFaults(request, null);
  const failedRunUrl = page.url();
  await page.getByRole("button", { name: "Replay from the failed step" }).click();
  await expect(page.getByText("Replay of an earlier run (from failed step)")).toBeVisible();
  await expect(page.getByTestId("graph-node-mirrorTask")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  const replayUrl = page.url();

  // The failed run now says the replay fixed it, and links to it.
  await page.goto(failedRunUrl);
  await page.getByTestId("run-resolved").click();
  await expect(page).toHaveURL(replayUrl);

  // The contact fetch, task list and client upsert were reused, not called again.
  expect((await ghlRequests(request)).filter((r) => r.path.includes(contactId)).length).toBe(ghlBefore);
  const dfAfter = await dfRequests(request);
  expect(dfAfter.filter((r) => !r.path.includes("/tasks")).length).toBe(dfNonTaskBefore);
  expect(dfAfter.filter((r) => r.method === "POST" && r.path.includes("/tasks")).length).toBeGreaterThan(dfBefore.filter((r) => r.method === "POST" && r.path.includes("/tasks")).length);
});

test("a new run appears in the list live, without a reload", async ({ page, request }) => {
  await signIn(page);
  await page.goto(`/runs?workflowId=${workflowId}&contact=${contactId}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-live", "true");
  const before = await rows(page).count();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await addGhlTask(request, contactId, "Confirm the venue");
  await expect(rows(page)).toHaveCount(before + 1, { timeout: 30_000 });
  await expect(rows(page).first()).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test("bulk replay of the runs matching the filter states the count first", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page);
  // Two more failures, each for its own contact so their replays don't race on the same task.
  await setDfFaults(request, TASK_FAULT);
  const failedPage = `/runs?workflowId=${workflowId}&status=failed`;
  await page.goto(failedPage);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-live", "true");
  const failedBefore = await rows(page, "failed").count();
  for (const name of ["rose", "lily"]) {
    const other = await createGhlContact(request, locationId, `${name}.${Date.now()}@example.com`);
    await addGhlTask(request, other, `Order ${name}s`);
  }
  await expect(rows(page, "failed")).toHaveCount(failedBefore + 2, { timeout: 90_000 });
  await setDfFaults(request, null);

  const succeededPage = `/runs?workflowId=${workflowId}&status=succeeded`;
  await page.goto(succeededPage);
  const succeededBefore = await rows(page, "succeeded").count();
  await page.goto(failedPage);
  const listed = await rows(page, "failed").count();
  expect(listed).toBe(failedBefore + 2);
  // Failed runs a replay already fixed are listed as resolved and not offered again.
  const failed = listed - (await rows(page, "failed").filter({ has: page.getByTestId("run-resolved") }).count());
  expect(failed).toBe(2);
  await page.getByRole("button", { name: "Replay matching runs…" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Replay ${failed} matching runs?`);
  await expect(dialog.getByTestId("bulk-replay-summary")).toContainText(`${failed} runs matching the current filter will be replayed from the failed step`);
  await dialog.getByRole("button", { name: `Replay ${failed} runs` }).click();
  await expect(page.getByText(`Replaying ${failed} runs from the failed step`)).toBeVisible();

  // Every replay succeeds, and shows up live in the list of succeeded runs.
  await page.goto(succeededPage);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-live", "true");
  await expect(rows(page, "succeeded")).toHaveCount(succeededBefore + failed, { timeout: 60_000 });
});

test("a viewer sees runs but cannot replay them", async ({ page, browser }) => {
  await signIn(page);
  await page.getByRole("navigation").getByRole("link", { name: "Users" }).click();
  const viewerEmail = `viewer.${Date.now()}@example.com`;
  await page.getByLabel("Email").fill(viewerEmail);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const password = (await page.getByTestId("invited-user").locator("code").textContent())?.trim() ?? "";
  expect(password).not.toBe("");

  const viewer = await (await browser.newContext()).newPage();
  await signIn(viewer, { email: viewerEmail, password });
  await viewer.goto(`/runs?workflowId=${workflowId}&contact=${contactId}&status=failed`);
  await expect(rows(viewer, "failed").first()).toBeVisible();
  await expect(viewer.getByTestId("runs-chart")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Replay matching runs…" })).toHaveCount(0);
  await rows(viewer, "failed").first().getByRole("link", { name: /^Run / }).click();
  await expect(viewer.getByTestId("run-error")).toBeVisible();
  await expect(viewer.getByRole("button", { name: /Replay/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
  await viewer.context().close();
});

test("revoking the HighLevel refresh token leaves runs waiting and shows the reconnect banner", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const revoked = await request.post(`${GHL_SANDBOX}/admin/oauth/revoke`, { data: { locationId, expireAccessTokens: true } });
  expect(revoked.ok()).toBe(true);
  await addGhlTask(request, contactId, "Send the invoice");
  await page.goto(`/runs?workflowId=${workflowId}&contact=${contactId}&status=waiting`);
  await expect(rows(page, "waiting")).toHaveCount(1, { timeout: 60_000 });
  await expect(rows(page, "waiting").getByTestId("run-waiting-for")).toContainText("reconnected");
  await rows(page, "waiting").getByRole("link").click();
  await expect(page.getByTestId("run-waiting")).toContainText("reconnected");
  await expect(page.getByTestId("reconnect-banner")).toContainText("needs to be reconnected");

  // Reconnect so later journeys find a working connection; the waiting run then finishes.
  await page.getByTestId("reconnect-banner").getByRole("link", { name: "Reconnect" }).click();
  await page.getByTestId("approve-button").click();
  await expect(page.getByTestId("connected-banner")).toBeVisible();
  await expect(async () => {
    await page.goto(`/runs?workflowId=${workflowId}&contact=${contactId}&status=waiting`);
    await expect(rows(page, "waiting")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
});
