import { expect, type Page } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

export const GHL_SANDBOX = `http://127.0.0.1:${process.env.GHL_SANDBOX_PORT ?? 4110}`;
export const DF_SANDBOX = `http://127.0.0.1:${process.env.DF_SANDBOX_PORT ?? 4120}`;

export async function signIn(page: Page, user: { email: string; password: string } = E2E_ADMIN) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
}
