import { ghlSandboxConfigFromEnv } from "./config";
import { startGhlSandbox } from "./server";

const config = ghlSandboxConfigFromEnv(process.env);
const sandbox = await startGhlSandbox(config);
const loc = sandbox.sandbox.store.data.locations[0];
console.log(`[ghl-sandbox] listening on ${sandbox.url} (admin: ${sandbox.url}/admin)`);
console.log(`[ghl-sandbox] state: ${config.statePath ?? "in memory"}; PIT for location ${loc.id}: ${config.pit}`);
if (config.webhookUrl) console.log(`[ghl-sandbox] webhooks → ${config.webhookUrl}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
