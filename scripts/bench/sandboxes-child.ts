/**
 * bench:backfill's sandboxes, in their own process like in production (GHL is remote), so
 * the worker under test does not share its event loop with them. Talks to the parent over IPC:
 * sends `ready` once seeded, answers `report` with the GHL calls seen and the DF clients made.
 */
import { startDfSandbox } from "@/sandbox/details-flowers/server";
import { seedContacts } from "@/sandbox/ghl/bulk-seed";
import { startGhlSandbox } from "@/sandbox/ghl/server";

export type ChildReady = { type: "ready"; ghlUrl: string; dfBaseUrl: string; pit: string; clientId: string; clientSecret: string; locationId: string; seededIds: string[]; seedSeconds: number };
export type ChildReport = { type: "report"; calls: [number, number][]; dfClientGhlIds: string[] };

const count = Number(process.env.BENCH_N);
const [burst, windowMs] = String(process.env.BENCH_GHL_LIMIT).split("/").map(Number);

async function main() {
  const ghl = await startGhlSandbox({ port: 0, statePath: null, burstLimit: burst, burstWindowMs: windowMs });
  const df = await startDfSandbox({ port: 0, statePath: null, rateLimit: 100_000, rateWindowS: 10 });
  const calls: [number, number][] = [];
  const log = ghl.sandbox.requests;
  const add = log.add.bind(log);
  log.add = (entry) => {
    calls.push([Date.now(), entry.status]);
    add(entry);
  };
  const locationId = ghl.sandbox.store.data.locations[0].id;
  const started = Date.now();
  const seeded = seedContacts(ghl.sandbox, { locationId, count, tasksPerContact: 1, notesPerContact: 1, tag: "bench" });
  const ready: ChildReady = {
    type: "ready",
    ghlUrl: ghl.url,
    dfBaseUrl: df.baseUrl,
    pit: ghl.sandbox.config.pit,
    clientId: df.options.clientId,
    clientSecret: df.options.clientSecret,
    locationId,
    seededIds: seeded.map((c) => c.id),
    seedSeconds: (Date.now() - started) / 1000,
  };
  process.send?.(ready);
  process.on("message", (message: { type: string }) => {
    if (message.type !== "report") return;
    const dfClientGhlIds = Object.values(df.sandbox.store.state.records.client).map((c) => String(c.externalIds?.ghl ?? ""));
    process.send?.({ type: "report", calls, dfClientGhlIds } satisfies ChildReport);
  });
  process.on("disconnect", () => void Promise.all([ghl.close(), df.close()]).finally(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
