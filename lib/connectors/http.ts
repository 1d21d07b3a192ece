import {
  AuthError,
  FatalError,
  RateLimitedError,
  RetryableError,
  isConnectorError,
  type AnyConnectorError,
  type ApiCallSummary,
} from "./errors";

export type QueryValue = string | number | boolean | undefined | null | Array<string | number>;

export type HttpRequest = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path relative to the client's base URL, e.g. `/contacts/abc`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON body, or `URLSearchParams` for form-encoded bodies (OAuth token endpoints). */
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
};

export type HttpResponse = {
  status: number;
  headers: Headers;
  body: unknown;
  call: ApiCallSummary;
};

/** What every operation receives to talk to its API: auth and rate limiting already applied. */
export type HttpClient = {
  request(req: HttpRequest): Promise<HttpResponse>;
};

export type HttpHooks = {
  /** Headers that carry credentials; called before every attempt so refreshed tokens apply. */
  authHeaders?: () => Promise<Record<string, string>> | Record<string, string>;
  /** Wait for a slot (rate governor). */
  beforeRequest?: (req: HttpRequest) => Promise<void>;
  /** See every response (rate-limit header correction, call logging). */
  afterResponse?: (res: HttpResponse) => Promise<void> | void;
  /** Turn a non-2xx response into one of the four error classes. */
  classifyError?: (res: HttpResponse) => AnyConnectorError;
};

export type HttpClientOptions = HttpHooks & {
  baseUrl: string;
  defaultHeaders?: Record<string, string>;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

const DEFAULT_TIMEOUT_MS = 30_000;

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`));
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** `Retry-After` as seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Finds the most human message in a typical JSON error body. */
export function apiMessageOf(body: unknown): string | undefined {
  if (typeof body === "string") return body.slice(0, 500) || undefined;
  if (!body || typeof body !== "object") return undefined;
  const record = body as Record<string, unknown>;
  const message = record.message ?? record.error_description ?? record.error ?? record.msg;
  if (Array.isArray(message)) return message.map(String).join("; ");
  if (typeof message === "string") return message;
  if (message && typeof message === "object") return apiMessageOf(message);
  return undefined;
}

/** The default mapping from HTTP status to error class; connectors refine messages. */
export function classifyHttpError(res: HttpResponse): AnyConnectorError {
  const apiMessage = apiMessageOf(res.body);
  const details = { apiMessage, status: res.status, call: res.call, body: res.body };
  const where = `${res.call.method} ${res.call.path} → ${res.status}`;
  const text = apiMessage ? `${where}: ${apiMessage}` : where;
  if (res.status === 429) {
    const wait = parseRetryAfter(res.headers.get("retry-after")) ?? 10_000;
    return new RateLimitedError(text, wait, details);
  }
  if (res.status === 401) return new AuthError(text, details);
  if (res.status >= 500 || res.status === 408) return new RetryableError(text, { ...details, retryAfterMs: parseRetryAfter(res.headers.get("retry-after")) });
  return new FatalError(text, details);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetchImpl ?? fetch;
  const classify = options.classifyError ?? classifyHttpError;

  return {
    async request(req) {
      const auth = (await options.authHeaders?.()) ?? {};
      // The rate-limit slot is taken last, right before sending: a slot granted and then held
      // while credentials load would reach the API later than the governor assumed.
      await options.beforeRequest?.(req);
      const isForm = req.body instanceof URLSearchParams;
      const headers: Record<string, string> = {
        accept: "application/json",
        ...(req.body !== undefined ? { "content-type": isForm ? "application/x-www-form-urlencoded" : "application/json" } : {}),
        ...options.defaultHeaders,
        ...auth,
        ...req.headers,
      };
      const url = buildUrl(options.baseUrl, req.path, req.query);
      const call: ApiCallSummary = { method: req.method, path: new URL(url).pathname };
      const started = performance.now();
      let response: Response;
      try {
        response = await doFetch(url, {
          method: req.method,
          headers,
          body: req.body === undefined ? undefined : isForm ? String(req.body) : JSON.stringify(req.body),
          signal: AbortSignal.timeout(req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        });
      } catch (cause) {
        // Our own classified errors (SSRF guard, guarded fetch hooks) already say what happened.
        if (isConnectorError(cause)) throw cause;
        const timedOut = cause instanceof Error && cause.name === "TimeoutError";
        call.durationMs = Math.round(performance.now() - started);
        throw new RetryableError(
          `${req.method} ${call.path}: ${timedOut ? "timed out" : `network error (${(cause as Error).message})`}`,
          { call, cause },
        );
      }
      const body = await readBody(response);
      call.status = response.status;
      call.durationMs = Math.round(performance.now() - started);
      const result: HttpResponse = { status: response.status, headers: response.headers, body, call };
      await options.afterResponse?.(result);
      if (response.status >= 400) throw classify(result);
      return result;
    },
  };
}
