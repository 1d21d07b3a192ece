/** `.ci/run`'s check that `npm test` leaves nothing of the clone running. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect, it } from "vitest";

const script = path.resolve(import.meta.dirname, "leftover-processes.sh");
const clone = mkdtempSync(path.join(os.tmpdir(), "bb-clone-"));
const started: number[] = [];

afterAll(() => rmSync(clone, { recursive: true, force: true }));

afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

const check = (command: string) =>
  spawnSync("bash", [script, "bash", "-c", command], { cwd: clone, encoding: "utf8", env: { ...process.env, LEFTOVER_DIR: clone, LEFTOVER_GRACE_S: "1" } });

// A process that outlives the command that started it, as a leaked test grandchild does.
const orphanPidFile = path.join(clone, "orphan.pid");
const leaveOrphan = `setsid sleep 60 </dev/null &>/dev/null & echo $! > ${orphanPidFile}`;
const orphanPid = () => Number(spawnSync("cat", [orphanPidFile], { encoding: "utf8" }).stdout);

it("fails and names a process the command left running inside the clone", () => {
  const result = check(leaveOrphan);
  started.push(orphanPid());
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(`pid ${orphanPid()}: sleep 60 (cwd ${clone})`);
});

it("passes the command's own exit status through when nothing is left", () => {
  const result = check("sleep 0.1 & wait; exit 3");
  expect(result.stdout).toContain("No process of");
  expect(result.status).toBe(3);
});

it("ignores what was already running before the command (the caller, a tee)", async () => {
  const earlier = spawn("sleep", ["60"], { cwd: clone, detached: true, stdio: "ignore" });
  started.push(earlier.pid ?? 0);
  const result = check("true");
  expect(result.status).toBe(0);
});
