import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ADMIN = { email: "admin@e2e.bloombridge.test", password: "e2e-admin-password-123" };

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    // The real product, as `npm start` runs it, on its own ports and a fresh data dir.
    command: "bash scripts/e2e-server.sh",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    // E2E_REUSE_SERVER=1 runs against a server you started with scripts/e2e-server.sh (handy while writing a journey).
    reuseExistingServer: Boolean(process.env.E2E_REUSE_SERVER),
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      BLOOMBRIDGE_ADMIN_EMAIL: E2E_ADMIN.email,
      BLOOMBRIDGE_ADMIN_PASSWORD: E2E_ADMIN.password,
    },
  },
});
