import type { IncomingMessage, ServerResponse } from "node:http";
import type { GhlSandboxConfig } from "./config";
import type { Faults } from "./faults";
import type { RateLimiter } from "./rate-limit";
import type { RequestLog } from "./request-log";
import type { SearchIndex } from "./search-index";
import type { SandboxStore } from "./store";
import type { AccessTokenRecord } from "./types";
import type { WebhookEmitter } from "./webhooks";

/** Services shared by every handler of one sandbox instance. */
export interface Sandbox {
  config: GhlSandboxConfig;
  store: SandboxStore;
  faults: Faults;
  rateLimiter: RateLimiter;
  webhooks: WebhookEmitter;
  search: SearchIndex;
  requests: RequestLog;
  baseUrl: () => string;
}

export interface Ctx {
  sb: Sandbox;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  rawBody: Buffer;
  /** Set by the API pipeline once the bearer token is accepted. */
  auth?: AccessTokenRecord;
  /** Location the request was attributed to (request log). */
  locationId?: string;
  /** Extra headers for whatever response this request ends with (rate-limit headers). */
  headers: Record<string, string>;
}
