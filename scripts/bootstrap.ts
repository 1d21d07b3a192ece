/** First-start bootstrap, run by `npm start` before the web and worker roles. */
import { bootstrapData } from "../lib/runtime/bootstrap";
import { disconnectDb } from "../lib/db/client";

await bootstrapData({
  adminEmail: process.env.BLOOMBRIDGE_ADMIN_EMAIL || undefined,
  adminPassword: process.env.BLOOMBRIDGE_ADMIN_PASSWORD || undefined,
  bootstrapApiKey: process.env.BLOOMBRIDGE_BOOTSTRAP_API_KEY || undefined,
  print: (line) => console.log(`[bloombridge] ${line}`),
});
await disconnectDb();
