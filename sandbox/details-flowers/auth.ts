/** Credentials: a static API key, or OAuth client-credentials tokens kept in state. */
import { randomBytes } from "node:crypto";
import type { DfSandboxOptions } from "./config";
import { HttpError } from "./http-util";
import type { State } from "./types";

export type Credential = { key: string; scopes: string[] };

export function authenticate(headers: Record<string, string | string[] | undefined>, state: State, options: DfSandboxOptions): Credential {
  const auth = typeof headers.authorization === "string" ? headers.authorization : "";
  const bearer = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
  const apiKey = typeof headers["x-api-key"] === "string" ? headers["x-api-key"].trim() : undefined;
  const presented = bearer ?? apiKey;
  if (!presented) throw new HttpError("unauthorized", "Missing credentials: send Authorization: Bearer <token or API key> or X-API-Key");
  if (presented === options.apiKey) return { key: `key:${presented}`, scopes: ["read", "write"] };
  const token = state.tokens[presented];
  if (!token) throw new HttpError("unauthorized", "Unknown API key or access token");
  if (token.expiresAt <= Date.now()) throw new HttpError("unauthorized", "Access token expired; request a new one from /oauth/token");
  return { key: `client:${token.clientId}`, scopes: token.scopes };
}

export function issueToken(body: Record<string, string>, state: State, options: DfSandboxOptions) {
  if (body.client_id !== options.clientId || body.client_secret !== options.clientSecret) {
    throw new HttpError("unauthorized", "Invalid client_id or client_secret");
  }
  const now = Date.now();
  for (const [t, tok] of Object.entries(state.tokens)) if (tok.expiresAt <= now) delete state.tokens[t];
  const scopes = body.scope ? [...new Set(body.scope.split(" "))] : ["read", "write"];
  const accessToken = `dft_${randomBytes(24).toString("hex")}`;
  state.tokens[accessToken] = { expiresAt: now + options.tokenTtlS * 1000, scopes, clientId: body.client_id };
  return { access_token: accessToken, token_type: "Bearer", expires_in: options.tokenTtlS, scope: scopes.join(" ") };
}
