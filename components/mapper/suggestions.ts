/**
 * One-click mapping suggestions by field name and type: email → email, phone → phone,
 * firstName + lastName → a full name (via the `name.join` transform), a contact's id →
 * ghlContactId. Pure, so the rules are table-tested.
 */
import { parsePath, pipeline, ref, type Mapping, type PathType } from "@/lib/engine/mapping";
import type { MapperSource } from "./mapper-sources";

export type TargetField = { path: string; type: PathType | "any" | "integer" };
export type Suggestion = { field: string; mapping: Mapping; from: string };

const norm = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

const SYNONYMS: string[][] = [
  ["email", "emailaddress", "mail", "primaryemail", "contactemail"],
  ["phone", "phonenumber", "mobile", "mobilephone", "cellphone", "cell", "primaryphone", "contactphone"],
  ["firstname", "first", "givenname", "fname"],
  ["lastname", "last", "surname", "familyname", "lname"],
  ["companyname", "company", "businessname", "organization"],
  ["postalcode", "zip", "zipcode", "postcode"],
  ["address1", "address", "street", "streetaddress", "addressline1"],
];
const FULL_NAME = new Set(["fullname", "name", "contactname", "clientname", "customername"]);
const CONTACT_ID_TARGETS = new Set(["ghlcontactid", "contactid"]);

function group(name: string): Set<string> {
  const n = norm(name);
  return new Set(SYNONYMS.find((g) => g.includes(n)) ?? [n]);
}

type Candidate = { source: MapperSource; path: string; leaf: string; parent: string; type: PathType };

function candidates(sources: readonly MapperSource[]): Candidate[] {
  return sources.flatMap((source) =>
    source.paths.flatMap((p) => {
      const segments = safeSegments(p.path);
      if (segments.some((s) => typeof s === "number")) return []; // items of lists are not single values
      const leaf = String(segments.at(-1) ?? "");
      return [{ source, path: p.path, leaf: norm(leaf), parent: norm(String(segments.at(-2) ?? "")), type: p.type }];
    }),
  );
}

function safeSegments(path: string) {
  try {
    return parsePath(path);
  } catch {
    return [path];
  }
}

const compatible = (target: TargetField["type"], source: PathType) =>
  target === "any" || source === "null" ? true : target === "object" || target === "array" ? source === target : source !== "object" && source !== "array";

export function suggestMappings(targets: readonly TargetField[], sources: readonly MapperSource[]): Suggestion[] {
  const all = candidates(sources);
  const out: Suggestion[] = [];
  for (const target of targets) {
    const leaf = norm(String(safeSegments(target.path).at(-1) ?? ""));
    const found = suggestOne(target, leaf, all);
    if (found) out.push({ field: target.path, ...found });
  }
  return out;
}

function suggestOne(target: TargetField, leaf: string, all: Candidate[]): Omit<Suggestion, "field"> | undefined {
  const from = (c: Candidate) => `${c.source.label} · ${c.path}`;
  if (CONTACT_ID_TARGETS.has(leaf)) {
    const hit =
      all.find((c) => CONTACT_ID_TARGETS.has(c.leaf)) ??
      all.find((c) => c.leaf === "id" && (c.parent === "contact" || (c.parent === "" && /\.contact\./.test(c.source.catalogKey ?? ""))));
    if (hit) return { mapping: ref(hit.source.nodeId, hit.path), from: from(hit) };
  }
  const names = group(leaf);
  const direct = all.find((c) => names.has(c.leaf) && compatible(target.type, c.type));
  if (direct) return { mapping: ref(direct.source.nodeId, direct.path), from: from(direct) };
  if (FULL_NAME.has(leaf)) {
    const named = all.find((c) => FULL_NAME.has(c.leaf) && c.type === "string");
    if (named) return { mapping: ref(named.source.nodeId, named.path), from: from(named) };
    const first = all.find((c) => group("firstName").has(c.leaf));
    const last = first && all.find((c) => c.source === first.source && c.parent === first.parent && group("lastName").has(c.leaf));
    if (first && last) {
      return {
        mapping: pipeline(ref(first.source.nodeId, first.path), { transform: "name.join", params: { last: ref(last.source.nodeId, last.path) } }),
        from: `${first.source.label} · ${first.path} + ${last.path}`,
      };
    }
  }
  return undefined;
}
