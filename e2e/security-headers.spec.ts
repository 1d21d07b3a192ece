/** The app works under its Content Security Policy: no violation from sign-in to the canvas. */
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("pages run under the CSP: sign in, the workflow list, the editor's canvas", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const signInPage = await page.goto("/sign-in");
  const headers = signInPage?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  await signIn(page);
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByLabel("Name").fill(`CSP ${Date.now()}`);
  await page.getByRole("button", { name: "Create blank" }).click();
  await expect(page.getByTestId("workflow-editor")).toBeVisible();
  await expect(page.locator(".react-flow__renderer")).toBeVisible();

  const api = await page.request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(violations).toEqual([]);
});
