/**
 * Journey: an admin points alerts at a webhook receiver, sends a test alert, sees it delivered
 * (signed with the secret the page shows) in the deliveries list, and sets the auto-pause threshold.
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

type Hit = { signature: string; body: string };
const hits: Hit[] = [];
let server: Server;
let receiverUrl: string;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      hits.push({ signature: String(req.headers["x-bloombridge-signature"] ?? ""), body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("admin configures a webhook alert, sends a test alert and sees it delivered", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();
  await expect(page.getByTestId("encryption-key")).toContainText("npm run keys:rotate");

  await page.getByLabel("Webhook URL").fill("not a url");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-message")).toContainText("must start with http:// or https://");

  await page.getByLabel("Webhook URL").fill(receiverUrl);
  await page.getByLabel("Pause a workflow after").fill("3");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-message")).toContainText("Settings saved.");
  const secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);

  await page.getByRole("button", { name: "Send test alert" }).click();
  await expect(page.getByTestId("settings-message")).toContainText("webhook: sent");
  expect(hits).toHaveLength(1);
  const [t, v1] = hits[0].signature.split(",").map((part) => part.split("=")[1]);
  expect(v1).toBe(createHmac("sha256", secret).update(`${t}.${hits[0].body}`).digest("hex"));
  expect(JSON.parse(hits[0].body)).toMatchObject({ type: "test", subject: "Bloombridge test alert" });

  await page.reload();
  await expect(page.getByTestId("alert-deliveries")).toContainText("Bloombridge test alert");
  await expect(page.getByTestId("alert-deliveries")).toContainText("Delivered");
  await expect(page.getByLabel("Pause a workflow after")).toHaveValue("3");
});
