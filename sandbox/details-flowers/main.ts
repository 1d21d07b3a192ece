/** `npm run sandbox:df` — the Details Flowers sandbox on DF_SANDBOX_PORT (default 4020). */
import { startDfSandbox } from "./server";

const sandbox = await startDfSandbox();
console.log(`[df-sandbox] Details Flowers sandbox (Bloombridge's assumed contract) at ${sandbox.baseUrl}`);
console.log(`[df-sandbox] admin page ${sandbox.url}/admin · state ${sandbox.options.statePath ?? "in memory"}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
