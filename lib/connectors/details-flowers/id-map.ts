/** How GHL records and Details Flowers records are linked in the ID map. */
import type { ExternalRef, IdMapPort } from "../define";
import { FatalError } from "../errors";

export const GHL_TYPE = { contact: "contact", task: "task", note: "note", appointment: "appointment" } as const;
export const DF_TYPE = { client: "client", event: "event", task: "task", note: "note", appointment: "appointment" } as const;

export const ghlRef = (type: keyof typeof GHL_TYPE, id: string): ExternalRef => ({ system: "ghl", type: GHL_TYPE[type], id });
export const dfRef = (type: keyof typeof DF_TYPE, id: string): ExternalRef => ({ system: "details-flowers", type: DF_TYPE[type], id });

/** The Details Flowers client for an explicit `clientId`, or the one linked to `ghlContactId`. */
export async function resolveClientId(idMap: IdMapPort, input: { clientId?: string; ghlContactId?: string }): Promise<string> {
  if (input.clientId) return input.clientId;
  if (input.ghlContactId) {
    const linked = await idMap.find(ghlRef("contact", input.ghlContactId), "details-flowers", DF_TYPE.client);
    if (linked) return linked;
    throw new FatalError(`No Details Flowers client is linked to GHL contact ${input.ghlContactId} yet — run the client upsert first.`);
  }
  throw new FatalError("Give either a Details Flowers client id or a GHL contact id to find the client.");
}
