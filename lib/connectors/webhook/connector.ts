/**
 * The generic webhook connector. It has no fixed host, so the SSRF guard settings come in
 * here: the registry builds it from `BLOOMBRIDGE_WEBHOOK_ALLOW_PRIVATE` and the allow list.
 */
import { defineConnector } from "../define";
import { createSendToWebhook, type WebhookOptions } from "./operations/send-to-webhook";

export function createWebhookConnector(options: WebhookOptions = {}) {
  return defineConnector({
    key: "webhook",
    label: "Webhook",
    description: "Send JSON to any public URL, e.g. a Zapier Catch Hook that feeds Details Flowers.",
    auth: [],
    operations: [createSendToWebhook(options)],
    triggers: [],
  });
}

/** Strict defaults: public targets only. */
export const webhookConnector = createWebhookConnector();
