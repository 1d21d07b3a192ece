/** Client fields shared by the client upsert and client-event operations. */
import { z } from "zod";
import { ClientInput } from "../generated/schemas";
import { defined } from "../linked-write";
import { blankToUndefined, normalizeEmail, normalizePhone, normalizeTags } from "../normalize";

const { fullName, firstName, lastName, company, address, tags } = ClientInput.shape;

export const clientFieldsInput = {
  ghlContactId: z.string().min(1).optional().describe("GHL contact id: the ID map link is looked up and saved under it, and it is stored in externalIds.ghl"),
  fullName: z.string().optional().describe(fullName.description ?? "Full name"),
  firstName,
  lastName,
  email: z.string().nullish().describe("Email address; lower-cased before sending and matched case-insensitively"),
  phone: z.string().nullish().describe("Phone number in any common format; converted to E.164 (e.g. +15551234567) before sending"),
  defaultCountry: z.string().regex(/^[A-Za-z]{2}$/).default("US").describe("Country used for phone numbers written without a + prefix (ISO 3166-1 alpha-2)"),
  company,
  address,
  tags,
};

type ClientFieldsInput = z.output<z.ZodObject<typeof clientFieldsInput>>;

/** Contract-ready client fields: normalised match keys, no blank strings, no undefined. */
export function toClientBody(input: ClientFieldsInput) {
  const body = {
    fullName: blankToUndefined(input.fullName) ?? undefined,
    firstName: input.firstName,
    lastName: input.lastName,
    email: normalizeEmail(input.email),
    phone: normalizePhone(input.phone, input.defaultCountry),
    company: input.company,
    address: input.address,
    tags: normalizeTags(input.tags),
    externalIds: input.ghlContactId ? { ghl: input.ghlContactId } : undefined,
  };
  return defined(body);
}

export const MATCH_ORDER = ["externalIds.ghl", "email", "phone"] as const;
