/** Decides whether the production build is missing or older than the sources. */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "public", "contracts", "vendor", "next.config.ts", "proxy.ts", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "generated", ".data"]);
const STAMP = ".next/bloombridge-build-stamp";

function walk(entry: string, out: string[]) {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const name of readdirSync(entry).sort()) if (!SKIP.has(name) && !name.endsWith(".test.ts") && !name.endsWith(".test.tsx")) walk(path.join(entry, name), out);
  } else out.push(entry);
}

export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function buildIsFresh(root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP);
  return existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === sourceHash(root);
}

export function writeBuildStamp(hash: string, root = process.cwd()): void {
  writeFileSync(path.join(root, STAMP), hash + "\n");
}
