import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin connects a HighLevel location through the OAuth flow", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation").getByRole("link", { name: "Connections" }).click();
  await page.getByRole("link", { name: "Connect HighLevel" }).click();

  // The sandbox's choose-location page, standing in for marketplace.gohighlevel.com.
  await expect(page.getByTestId("choose-location-form")).toBeVisible();
  const option = page.locator('[data-testid^="location-option-"]').nth(1);
  const locationId = (await option.getAttribute("value")) ?? "";
  await option.check();
  await page.getByTestId("approve-button").click();

  await expect(page).toHaveURL(/\/connections\?connected=/);
  await expect(page.getByTestId("connected-banner")).toBeVisible();
  const card = page.getByTestId("connection-ghl").filter({ hasText: locationId });
  await expect(card).toContainText("OAuth");
  await expect(card).toContainText("contacts.readonly");
  await expect(card).toContainText("Active");

  // "Test" makes a real authenticated call through the stored token.
  await card.getByRole("button", { name: "Test" }).click();
  await expect(card.getByTestId("connection-test-result")).toContainText("Works");
});

test("a forged OAuth callback is refused", async ({ page }) => {
  await signIn(page);
  await page.goto("/api/oauth/ghl/callback?code=anything&state=forged-state");
  await expect(page).toHaveURL(/\/connections\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "unknown or was already used" })).toBeVisible();
});
