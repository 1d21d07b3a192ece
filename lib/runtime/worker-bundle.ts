/**
 * Production workers run compiled JavaScript: scripts/worker.ts and the lib/ code it imports,
 * bundled by esbuild into one ESM file (packages stay in node_modules). Rebuilt, in about a
 * second, whenever the sources changed since the last bundle.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sourceHash } from "./build-stamp";

/** `outDir` must sit inside `root`, so the bundle resolves packages from root's node_modules. */
type BundleOptions = { root?: string; outDir?: string };

const paths = ({ root = process.cwd(), outDir = path.join(root, ".build") }: BundleOptions) => ({
  root,
  outfile: path.join(outDir, "worker.mjs"),
  stamp: path.join(outDir, "worker-stamp"),
});

export function workerBundleIsFresh(options: BundleOptions = {}, hash = sourceHash(options.root)): boolean {
  const { outfile, stamp } = paths(options);
  return existsSync(outfile) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash;
}

/** Bundles the worker unless the bundle is fresh; returns the bundle's path. */
export async function buildWorkerBundle(options: BundleOptions = {}): Promise<string> {
  const { root, outfile, stamp } = paths(options);
  const hash = sourceHash(root);
  if (workerBundleIsFresh(options, hash)) return outfile;
  const esbuild = await import("esbuild");
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    write: false,
    entryPoints: ["scripts/worker.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
    // Bundled ESM has no require(); some dependencies' CommonJS interop still asks for one.
    banner: { js: "import { createRequire as __bloombridgeCreateRequire } from 'node:module'; const require = __bloombridgeCreateRequire(import.meta.url);" },
  });
  // Written beside and renamed: workers starting together never load a half-written bundle.
  for (const file of [...result.outputFiles, { path: stamp, contents: Buffer.from(hash + "\n") }]) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return outfile;
}
