/** `npm run start:worker` (via scripts/start.ts): one worker process. */
import { startWorker } from "../lib/worker/main";

await startWorker();
