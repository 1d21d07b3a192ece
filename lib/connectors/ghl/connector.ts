import { defineConnector } from "../define";
import { ghlOAuth2, ghlPrivateIntegrationToken } from "./auth";
import { ghlOperations } from "./operations";
import { ghlTriggers } from "./triggers";

export const ghlConnector = defineConnector({
  key: "ghl",
  label: "HighLevel",
  description: "Contacts, tasks, notes and appointments of a HighLevel (GoHighLevel / LeadConnector) sub-account.",
  auth: [ghlOAuth2, ghlPrivateIntegrationToken],
  operations: ghlOperations,
  triggers: ghlTriggers,
});
