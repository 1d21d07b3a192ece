import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the catalog lists every operation and documents one from its schema", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation").getByRole("link", { name: "Catalog" }).click();
  await page.getByLabel("Search the catalog").fill("client.upsert");
  const entry = page.getByTestId("catalog-entry").filter({ hasText: "details-flowers.client.upsert" });
  await expect(entry).toBeVisible();
  await entry.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Create or update client" })).toBeVisible();
  await expect(page.getByText("ghlContactId").first()).toBeVisible();
});

test("the public API serves its OpenAPI document and refuses requests without a key", async ({ request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const body = await doc.json();
  expect(body.openapi).toMatch(/^3\.1/);
  expect(Object.keys(body.paths)).toContain("/workflows");
  expect(body.servers[0].url).toMatch(/\/api\/v1$/);
  expect((await request.get("/api/v1/workflows")).status()).toBe(401);
});
