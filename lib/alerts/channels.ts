/**
 * The two ways an alert leaves: an email (SMTP, or the log when SMTP_URL is unset) and a
 * signed webhook POST through the SSRF guard, like any user-supplied URL.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import nodemailer from "nodemailer";
import { assertPublicUrl, type SsrfGuardOptions } from "@/lib/connectors/ssrf-guard";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import type { AlertMessage } from "./message";

export const SIGNATURE_HEADER = "x-bloombridge-signature";
const WEBHOOK_TIMEOUT_MS = 10_000;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe-style receivers expect. */
export function signAlert(body: string, secret: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

export function verifyAlertSignature(body: string, header: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Read per call (not cached) so the operator's allow settings apply as the registry's do. */
export function alertGuardOptions(): SsrfGuardOptions {
  return {
    allowPrivate: ["true", "1", "yes"].includes(process.env.BLOOMBRIDGE_WEBHOOK_ALLOW_PRIVATE ?? ""),
    allowHosts: (process.env.BLOOMBRIDGE_WEBHOOK_ALLOW_HOSTS ?? "").split(",").map((h) => h.trim()).filter(Boolean),
  };
}

export async function postAlertWebhook(url: string, secret: string, message: AlertMessage, guard = alertGuardOptions()): Promise<void> {
  await assertPublicUrl(url, guard);
  const body = JSON.stringify(message.payload);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Bloombridge-Alerts", [SIGNATURE_HEADER]: signAlert(body, secret) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new Error(`The webhook could not be reached: ${(cause as Error).message}`, { cause });
  }
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`The webhook answered HTTP ${response.status}${response.status >= 300 && response.status < 400 ? " (redirects are not followed)" : ""}`);
  }
}

/** Returns "logged" when no SMTP server is configured: the email is written to the log instead. */
export async function sendAlertEmail(to: string[], message: AlertMessage): Promise<"sent" | "logged"> {
  const { SMTP_URL, ALERT_EMAIL_FROM } = env();
  if (!SMTP_URL) {
    logger.info({ alertEmail: { to, subject: message.subject, text: message.text } }, "alert email (SMTP_URL unset, logged instead of sent)");
    return "logged";
  }
  const transport = nodemailer.createTransport(SMTP_URL);
  await transport.sendMail({ from: ALERT_EMAIL_FROM, to, subject: message.subject, text: message.text });
  return "sent";
}
