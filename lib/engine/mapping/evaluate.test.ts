import { describe, expect, it } from "vitest";
import { evaluateMapping, loopScope, resolveInputs } from "./evaluate";
import { MappingError } from "./errors";
import { referencedNodes } from "./references";
import { literal, pipeline, ref, type Mapping } from "./schema";
import { parseTemplate } from "./template";

const scope = {
  trigger: {
    contact: { firstName: "Jane", lastName: "Doe", fullName: "  Dr. Jane van der Berg ", phone: "(212) 555-0134", email: null, tags: ["vip", "wedding"] },
    custom: { "x-y": 7 },
  },
  find: { tasks: [{ title: "Call" }, { title: "Send quote" }] },
};

describe("evaluateMapping", () => {
  it.each<[string, Mapping, unknown]>([
    ["literal", literal({ a: 1 }), { a: 1 }],
    ["ref", ref("trigger", "contact.firstName"), "Jane"],
    ["ref to the whole output", ref("find"), scope.find],
    ["ref with dashes", ref("trigger", 'custom["x-y"]'), 7],
    ["ref to null", ref("trigger", "contact.email"), null],
    ["template", parseTemplate("Hi {{ @trigger.contact.firstName }} {{ @trigger.contact.lastName }}!"), "Hi Jane Doe!"],
    ["template renders null as empty and lists as JSON", parseTemplate("[{{ @trigger.contact.email }}] {{ @trigger.contact.tags }}"), '[] ["vip","wedding"]'],
    ["template with a lone reference keeps its type", parseTemplate("{{ @trigger.contact.tags }}"), ["vip", "wedding"]],
    ["pipeline", pipeline(ref("trigger", "contact.fullName"), { transform: "name.last" }, { transform: "text.upper" }), "VAN DER BERG"],
    ["pipeline with params", pipeline(ref("trigger", "contact.phone"), { transform: "phone.e164", params: { defaultCountry: "US" } }), "+12125550134"],
    ["pipeline over a literal", pipeline(literal("03/10/2024"), { transform: "date.parse", params: { format: "DD/MM/YYYY" } }), "2024-10-03T00:00:00.000Z"],
    ["pipeline skips empties", pipeline(ref("trigger", "contact.email"), { transform: "text.lower" }), null],
    [
      "default fills a missing reference",
      pipeline(ref("trigger", "contact.company"), { transform: "text.trim" }, { transform: "default", params: { value: "Unknown" } }),
      "Unknown",
    ],
    [
      "default reads another field",
      pipeline(ref("trigger", "contact.email"), { transform: "default", params: { value: ref("trigger", "contact.firstName") } }),
      "Jane",
    ],
    [
      "join with a referenced last name",
      pipeline(ref("trigger", "contact.firstName"), { transform: "name.join", params: { last: ref("trigger", "contact.lastName") } }),
      "Jane Doe",
    ],
    ["jsonata", { kind: "jsonata", expression: "$count(find.tasks)" }, 2],
    ["jsonata list", { kind: "jsonata", expression: "find.tasks.title" }, ["Call", "Send quote"]],
    ["jsonata with backticked ids", { kind: "jsonata", expression: "trigger.custom.`x-y` * 2" }, 14],
  ])("%s", async (_name, mapping, expected) => {
    expect(await evaluateMapping(mapping, scope)).toEqual(expected);
  });

  it.each<[string, Mapping, string, string]>([
    ["missing field", ref("trigger", "contact.company"), "@trigger.contact.company", '@trigger.contact.company is missing (trigger has no field "contact.company")'],
    ["step not run", ref("later", "id"), "@later.id", '@later.id is missing (step "later" has no output yet)'],
    ["missing inside a template", parseTemplate("Hi {{ @trigger.contact.nick }}"), "@trigger.contact.nick", "@trigger.contact.nick is missing"],
    [
      "transform failure",
      pipeline(literal("abc"), { transform: "phone.e164" }),
      "",
      'transform "Phone to E.164" could not parse "abc" as a phone number',
    ],
    ["unknown transform", pipeline(ref("trigger", "contact.firstName"), { transform: "text.reverse" }), "@trigger.contact.firstName", 'unknown transform "text.reverse"'],
    [
      "bad transform settings",
      pipeline(ref("trigger", "contact.phone"), { transform: "phone.e164", params: { defaultCountry: "usa" } }),
      "@trigger.contact.phone",
      'transform "Phone to E.164" has an invalid setting "defaultCountry"',
    ],
    ["jsonata syntax", { kind: "jsonata", expression: "find.." }, "", "JSONata expression failed"],
  ])("%s → MappingError", async (_name, mapping, path, message) => {
    const error = await evaluateMapping(mapping, scope, { input: "field" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappingError);
    expect((error as MappingError).path).toBe(path);
    expect((error as MappingError).input).toBe("field");
    expect((error as MappingError).message).toContain(`Input "field": ${message}`);
  });

  it("is lenient when asked", async () => {
    expect(await evaluateMapping(ref("trigger", "nope"), scope, { lenient: true })).toBeUndefined();
  });

  it("reads loop items from the loop scope", async () => {
    const inner = loopScope(scope, "each-task", { title: "Call" }, 0);
    expect(await evaluateMapping(parseTemplate("{{ @each-task.index }}: {{ @each-task.item.title }}"), inner)).toBe("0: Call");
    expect(scope).not.toHaveProperty("each-task");
  });
});

describe("resolveInputs", () => {
  it("collects values, nests path keys and reports every error", async () => {
    const { values, errors } = await resolveInputs(
      {
        email: ref("trigger", "contact.email"),
        firstName: ref("trigger", "contact.firstName"),
        "address.city": literal("Austin"),
        "tags[0]": ref("trigger", "contact.tags[1]"),
        phone: pipeline(literal("abc"), { transform: "phone.e164" }),
        company: ref("trigger", "contact.company"),
        nickname: ref("trigger", "contact.nickname"),
      },
      scope,
      { optional: ["nickname"] },
    );
    expect(values).toEqual({ email: null, firstName: "Jane", address: { city: "Austin" }, tags: ["wedding"] });
    expect(errors.map((e) => e.message)).toEqual([
      'Input "phone": transform "Phone to E.164" could not parse "abc" as a phone number',
      'Input "company": @trigger.contact.company is missing (trigger has no field "contact.company")',
    ]);
    expect(errors[1].toJSON()).toEqual({ input: "company", path: "@trigger.contact.company", message: errors[1].message });
  });

  it("matches the documented message shape", async () => {
    const { errors } = await resolveInputs({ email: ref("trigger", "contact.email") }, { trigger: {} });
    expect(errors[0].message).toBe('Input "email": @trigger.contact.email is missing (trigger has no field "contact.email")');
  });
});

describe("referencedNodes", () => {
  it.each<[Mapping, string[] | undefined, string[]]>([
    [literal("x"), undefined, []],
    [ref("a", "x"), undefined, ["a"]],
    [parseTemplate("{{ @a.x }} {{ @b.y }} {{ @a.z }}"), undefined, ["a", "b"]],
    [pipeline(ref("a", "x"), { transform: "default", params: { value: ref("c", "y") } }), undefined, ["a", "c"]],
    [{ kind: "jsonata", expression: "$count(find.tasks[done = true]) + `node-2`.n" }, ["find", "node-2", "trigger"], ["find", "node-2"]],
    [{ kind: "jsonata", expression: "find.." }, ["find"], []],
  ])("%j", (mapping, known, expected) => {
    expect(referencedNodes(mapping, known).sort()).toEqual(expected);
  });
});
