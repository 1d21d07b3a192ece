/**
 * The process model's promise: stopping leaves nothing behind — children, their own
 * children, and the embedded database — and a crashed child comes back.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { Supervisor } from "./supervisor";

// A zombie (exited, not yet reaped by whoever adopted it) is not running.
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};

const waitFor = async (done: () => boolean, ms = 2_000) => {
  for (const until = Date.now() + ms; !done() && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
};

// A child that starts a grandchild, prints both pids, and ignores SIGTERM's default for 100 ms.
const parentScript = `
const { spawn } = require("node:child_process");
const grandchild = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
console.log(JSON.stringify({ child: process.pid, grandchild: grandchild.pid }));
setInterval(() => {}, 1000);
`;

describe("Supervisor", () => {
  it("stops children and grandchildren, and restarts a child that crashes", async () => {
    const lines: string[] = [];
    const logs: string[] = [];
    const originalWrite = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    const supervisor = new Supervisor((line) => logs.push(line));
    try {
      await supervisor.start({ name: "a", command: process.execPath, args: ["-e", parentScript] });
      const pids = async (n: number) => {
        for (let i = 0; i < 100 && lines.filter((l) => l.includes('"child"')).length < n; i++) await new Promise((r) => setTimeout(r, 50));
        return lines.filter((l) => l.includes('"child"')).map((l) => JSON.parse(l.slice(l.indexOf("{"))) as { child: number; grandchild: number });
      };
      const [first] = await pids(1);
      expect(alive(first.child) && alive(first.grandchild)).toBe(true);

      process.kill(first.child, "SIGKILL");
      const [, second] = await pids(2);
      expect(logs.some((l) => l.includes("a exited") && l.includes("restarting"))).toBe(true);
      expect(alive(second.child)).toBe(true);
      // The crashed child's own children go with it, not left running until the host reboots.
      await waitFor(() => !alive(first.grandchild));
      expect(alive(first.grandchild)).toBe(false);

      await supervisor.stopAll(2_000);
      await new Promise((r) => setTimeout(r, 100));
      expect(alive(second.child)).toBe(false);
      expect(alive(second.grandchild)).toBe(false);
    } finally {
      process.stdout.write = originalWrite;
      await supervisor.stopAll(2_000);
    }
  });

  it("stops the embedded PostgreSQL, and a second start keeps its data", async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "bb-pg-")), "db");
    const first = await startEmbeddedPostgres({ dataDir: dir, database: "keep" });
    const pg = await import("pg");
    try {
      const client = new pg.default.Client({ connectionString: first.url });
      await client.connect();
      await client.query("create table kept (v text); insert into kept values ('still here')");
      await client.end();
    } finally {
      await first.stop();
    }
    const running = execFileSync("ps", ["-eo", "args"]).toString().split("\n").filter((l) => l.includes(dir) && l.includes("postgres"));
    expect(running).toEqual([]);

    const second = await startEmbeddedPostgres({ dataDir: dir, database: "keep" });
    try {
      const again = new pg.default.Client({ connectionString: second.url });
      await again.connect();
      expect((await again.query("select v from kept")).rows).toEqual([{ v: "still here" }]);
      await again.end();
    } finally {
      await second.stop();
    }
  });
});
