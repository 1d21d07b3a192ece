/** Input fields shared by the task, note and appointment writes: which client, which record. */
import { z } from "zod";

export const clientRefInput = {
  ghlContactId: z.string().min(1).optional().describe("GHL contact id; the Details Flowers client linked to it is used"),
  clientId: z.string().min(1).optional().describe("Details Flowers client id; overrides the GHL contact lookup"),
};

export const ghlIdInput = (what: string) =>
  z.string().min(1).optional().describe(`GHL ${what} id: links the record in the ID map, so a retry or replay updates it instead of creating a copy`);

export const recordIdInput = (what: string) =>
  z.string().min(1).optional().describe(`Details Flowers ${what} id to update; when empty, the ${what} linked to the GHL id is used`);

export const createdFlag = (what: string) =>
  z.boolean().describe(`True when a new ${what} was created, false when an existing one was updated`);
