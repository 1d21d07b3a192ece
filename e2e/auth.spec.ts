import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

test("a wrong password gets a clear message", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the admin signs in, sees the shell and signs out", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("system-status")).toContainText("Connected");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an admin creates an API key that authenticates /api/v1", async ({ page, request }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("navigation").getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Name").fill("e2e automation");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").locator("code").textContent())?.trim() ?? "";
  expect(key).toMatch(/^bb_/);
  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ kind: "api_key", role: "editor", name: "e2e automation" });
  const bad = await request.get("/api/v1/me", { headers: { authorization: "Bearer bb_wrongwrongwrongwrongwrongwrong" } });
  expect(bad.status()).toBe(401);
});

test("health and metrics answer", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ db: "ok" });
  const metrics = await request.get("/api/metrics");
  expect(await metrics.text()).toContain("bloombridge_up 1");
});
