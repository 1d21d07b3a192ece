/** The Details Flowers sandbox for benchmarks: its own process (its CPU is not the engine's), no latency, no limit. */
import { startDfSandbox } from "../../sandbox/details-flowers/server";

const sandbox = await startDfSandbox({ port: 0, statePath: null, seed: false, latencyMs: 0, failRate: 0, rateLimit: 1_000_000_000 });
console.log(`ready ${sandbox.baseUrl} ${sandbox.options.clientId} ${sandbox.options.clientSecret}`);
process.on("SIGTERM", () => void sandbox.close().then(() => process.exit(0)));
