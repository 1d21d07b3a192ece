/**
 * Which address a request comes from, for sign-in throttling and the audit log.
 *
 * X-Forwarded-For is whatever the client wrote, so it is believed only when the connecting peer
 * is a configured proxy (BLOOMBRIDGE_TRUSTED_PROXIES), and only back to the first hop that is not
 * one. Next.js does not show route handlers the socket's address, so the web process stamps every
 * request with the resolved address as it arrives (`installClientAddressStamp`, from
 * instrumentation.ts), replacing any value a client sent in that header.
 */
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { env } from "@/lib/env";

export const CLIENT_ADDRESS_HEADER = "x-bloombridge-client-address";
const UNKNOWN = "unknown";
// Shared by every bundle in the process (instrumentation and route handlers are built apart).
const stamp = Symbol.for("bloombridge.client-address-stamp");
type StampState = { trusted: net.BlockList };
const state = () => (globalThis as { [stamp]?: StampState })[stamp];

const normalise = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

function isTrusted(address: string, trusted: net.BlockList): boolean {
  const family = net.isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** The client: the peer itself, or — through trusted proxies — the last hop none of them is. */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: net.BlockList): string {
  if (!peer) return UNKNOWN;
  const forwarded = [forwardedFor ?? []].flat().join(",").split(",").map(normalise).filter(Boolean);
  const hops = [...forwarded, normalise(peer)];
  let i = hops.length - 1;
  while (i > 0 && isTrusted(hops[i], trusted)) i--;
  return hops[i];
}

export function stampClientAddress(req: http.IncomingMessage, trusted: net.BlockList): void {
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket?.remoteAddress, req.headers["x-forwarded-for"], trusted);
}

/** Stamps each request an HTTP(S) server of this process receives, before any handler sees it. */
export function installClientAddressStamp(trusted: net.BlockList = env().BLOOMBRIDGE_TRUSTED_PROXIES): void {
  const installed = state();
  if (installed) {
    installed.trusted = trusted;
    return;
  }
  const current: StampState = { trusted };
  (globalThis as { [stamp]?: StampState })[stamp] = current;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stampClientAddress(args[0] as http.IncomingMessage, current.trusted);
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
  }
}

/** The stamped address; without the stamp (instrumentation not loaded) no client-sent value is believed. */
export function clientAddressOf(headers: Record<string, unknown> | undefined): string {
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return state() && typeof value === "string" && value ? value : UNKNOWN;
}
