import { createHttpClient, type HttpClient, type HttpHooks } from "../http";
import { classifyGhlError } from "./errors";

export const GHL_API_VERSION = "2021-07-28";
export const GHL_DEFAULT_BASE_URL = "https://services.leadconnectorhq.com";
const DEFAULT_TIMEOUT_MS = 30_000;

export type GhlHttpClientOptions = {
  /** Defaults to `GHL_API_BASE_URL` (the sandbox in development) or the production API. */
  baseUrl?: string;
  /** Current access token or Private Integration Token; called before every attempt. */
  getAccessToken?: () => Promise<string> | string;
  beforeRequest?: HttpHooks["beforeRequest"];
  afterResponse?: HttpHooks["afterResponse"];
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
};

export function ghlBaseUrl(): string {
  return process.env.GHL_API_BASE_URL || GHL_DEFAULT_BASE_URL;
}

/** An HttpClient for the GHL API: Version header, bearer auth, timeouts and GHL error classes. */
export function createGhlHttpClient(options: GhlHttpClientOptions = {}): HttpClient {
  const { getAccessToken } = options;
  return createHttpClient({
    baseUrl: options.baseUrl ?? ghlBaseUrl(),
    defaultHeaders: { Version: GHL_API_VERSION },
    authHeaders: getAccessToken ? async () => ({ Authorization: `Bearer ${await getAccessToken()}` }) : undefined,
    beforeRequest: options.beforeRequest,
    afterResponse: options.afterResponse,
    classifyError: classifyGhlError,
    fetchImpl: options.fetchImpl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
}
