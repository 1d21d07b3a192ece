/** `npm run db:migrate`: apply SQL migrations to DATABASE_URL. */
import { migrate } from "../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (`npm start` migrates its embedded database by itself.)");
  process.exit(2);
}
const { applied } = await migrate(url, { log: (line) => console.log(line) });
console.log(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");
