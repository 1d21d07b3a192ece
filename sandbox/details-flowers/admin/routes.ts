/** Admin surface for people and tests: page, request log, faults, reset, order status. Loopback only, no auth. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ORDER_STATUSES } from "../../../contracts/details-flowers/source/schemas";
import type { Faults } from "../faults";
import { errorBody, HttpError, invalid, readBody, send } from "../http-util";
import type { Sandbox } from "../sandbox";
import type { OrderStatus } from "../types";
import { renderAdminPage } from "./page";

function parseBody(raw: Buffer, contentType: string): Record<string, unknown> {
  const text = raw.toString("utf8").trim();
  if (!text) return {};
  if (contentType.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch { /* reported below */ }
  throw invalid("body", "must be a JSON object");
}

function parseFaults(body: Record<string, unknown>): Partial<Faults> {
  const out: Partial<Faults> = {};
  const nonNegative = (k: string) => {
    const v = body[k];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalid(k, "must be a number ≥ 0");
    return v;
  };
  if (body.latencyMs !== undefined) out.latencyMs = nonNegative("latencyMs");
  if (body.failRate !== undefined) {
    out.failRate = nonNegative("failRate");
    if (out.failRate > 1) throw invalid("failRate", "must be between 0 and 1");
  }
  if (body.failNext !== undefined) out.failNext = Math.floor(nonNegative("failNext"));
  if (body.failPaths !== undefined) {
    if (!Array.isArray(body.failPaths) || !body.failPaths.every((p) => typeof p === "string")) throw invalid("failPaths", "must be an array of path patterns");
    out.failPaths = body.failPaths as string[];
  }
  if (body.rateLimitStorm !== undefined) {
    if (typeof body.rateLimitStorm !== "boolean") throw invalid("rateLimitStorm", "must be a boolean");
    out.rateLimitStorm = body.rateLimitStorm;
  }
  const unknown = Object.keys(body).filter((k) => !["latencyMs", "failRate", "failNext", "failPaths", "rateLimitStorm"].includes(k));
  if (unknown.length) throw invalid(unknown[0], "is not a known fault setting");
  return out;
}

export async function handleAdmin(sb: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL) {
  const method = req.method ?? "GET";
  const path = url.pathname.replace(/\/$/, "") || "/admin";
  const contentType = String(req.headers["content-type"] ?? "");
  try {
    const body = method === "GET" || method === "HEAD" ? {} : parseBody(await readBody(req), contentType);
    if (method === "GET" && path === "/admin") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(renderAdminPage(sb, url.searchParams.get("q") ?? ""));
    }
    if (path === "/admin/requests" && method === "GET") {
      const { method: m, path: p, operationId } = Object.fromEntries(url.searchParams);
      const data = sb.requests.filter((r) => (!m || r.method === m.toUpperCase()) && (!p || r.path.includes(p)) && (!operationId || r.operationId === operationId));
      return send(res, 200, { data });
    }
    if (path === "/admin/requests" && method === "DELETE") {
      sb.requests.splice(0);
      return send(res, 204, undefined);
    }
    if (path === "/admin/faults") {
      if (method === "GET") return send(res, 200, sb.faults);
      if (method === "POST") return send(res, 200, sb.setFaults(parseFaults(body)));
      if (method === "DELETE") return send(res, 200, sb.clearFaults());
    }
    if (path === "/admin/reset" && method === "POST") {
      sb.reset({ seed: body.seed === undefined ? undefined : body.seed !== false && body.seed !== "false" });
      return send(res, 200, { ok: true, clients: Object.keys(sb.store.state.records.client).length });
    }
    if (path === "/admin/state" && method === "GET") {
      const { records, webhooks, changes, seq } = sb.store.state;
      return send(res, 200, { records, webhooks, seq, changes: changes.length });
    }
    if (path === "/admin/webhook-deliveries" && method === "GET") return send(res, 200, { data: sb.dispatcher.deliveries });
    const orderMatch = /^\/admin\/orders\/([^/]+)\/status$/.exec(path);
    if (orderMatch && method === "POST") {
      const status = body.status as OrderStatus;
      if (!ORDER_STATUSES.includes(status)) throw invalid("status", `must be one of: ${ORDER_STATUSES.join(", ")}`);
      const order = sb.setOrderStatus(decodeURIComponent(orderMatch[1]), status);
      if (contentType.includes("application/x-www-form-urlencoded")) {
        res.writeHead(303, { location: `/admin${body.q ? `?q=${encodeURIComponent(String(body.q))}` : ""}#${order.id}` });
        return res.end();
      }
      return send(res, 200, order);
    }
    throw new HttpError("not_found", `No admin route ${method} ${path}`);
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    send(res, err.status, errorBody(err, "admin"));
  }
}
