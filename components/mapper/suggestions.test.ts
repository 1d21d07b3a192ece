import { describe, expect, it } from "vitest";
import { listPaths, pipeline, ref } from "@/lib/engine/mapping";
import type { MapperSource } from "./mapper-sources";
import { suggestMappings } from "./suggestions";

const trigger: MapperSource = {
  nodeId: "trigger",
  label: "Trigger",
  kind: "trigger",
  catalogKey: "ghl.contact.created",
  origin: "test",
  paths: listPaths({ id: "c1", email: "jane@example.com", phone: "+15551234567", firstName: "Jane", lastName: "Doe", tags: ["vip"] }),
};

describe("suggestMappings", () => {
  it("maps email → email and phone → mobile by name", () => {
    const out = suggestMappings([{ path: "email", type: "string" }, { path: "mobilePhone", type: "string" }], [trigger]);
    expect(out).toEqual([
      { field: "email", mapping: ref("trigger", "email"), from: "Trigger · email" },
      { field: "mobilePhone", mapping: ref("trigger", "phone"), from: "Trigger · phone" },
    ]);
  });

  it("joins firstName + lastName into a full name with name.join", () => {
    const [suggestion] = suggestMappings([{ path: "fullName", type: "string" }], [trigger]);
    expect(suggestion.mapping).toEqual(pipeline(ref("trigger", "firstName"), { transform: "name.join", params: { last: ref("trigger", "lastName") } }));
  });

  it("maps a contact trigger's id to ghlContactId", () => {
    const [suggestion] = suggestMappings([{ path: "ghlContactId", type: "string" }], [trigger]);
    expect(suggestion.mapping).toEqual(ref("trigger", "id"));
  });

  it("uses contact.id inside a nested payload and skips type mismatches", () => {
    const nested: MapperSource = { ...trigger, catalogKey: "x.y", paths: listPaths({ contact: { id: "c9", tags: ["a"] } }) };
    expect(suggestMappings([{ path: "contactId", type: "string" }], [nested])[0].mapping).toEqual(ref("trigger", "contact.id"));
    expect(suggestMappings([{ path: "tags", type: "string" }], [nested])).toEqual([]);
    expect(suggestMappings([{ path: "tags", type: "array" }], [nested])[0].mapping).toEqual(ref("trigger", "contact.tags"));
  });

  it("suggests nothing without a matching field", () => {
    expect(suggestMappings([{ path: "companyName", type: "string" }], [trigger])).toEqual([]);
  });
});
