import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { reachableDatabaseDir } from "./embedded";

it("as root, moves a cluster under a private (0700) directory to where the postgres user can reach it", () => {
  const privateDir = mkdtempSync(path.join(os.tmpdir(), "bb-private-")); // mkdtemp makes it 0700
  const wanted = path.join(privateDir, ".data", "postgres");
  const chosen = reachableDatabaseDir(wanted);
  if (process.getuid?.() === 0) {
    expect(chosen).toMatch(/^\/var\/lib\/bloombridge\/postgres-[0-9a-f]{12}$/);
    expect(reachableDatabaseDir(wanted)).toBe(chosen);
  } else {
    expect(chosen).toBe(wanted);
  }
  expect(reachableDatabaseDir("/var/lib/x/postgres")).toBe("/var/lib/x/postgres");
});
