import { describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogFromDefinitions } from "./catalog";
import { literal, pipeline, ref } from "../mapping/schema";
import { parseTemplate } from "../mapping/template";
import { action, catalog, chain, edge, filter, ifBranch, lit, loop, trigger, upsert } from "./fixtures.test-helper";
import type { ValidationIssue } from "./issues";
import type { GraphNode, WorkflowGraph } from "./schema";
import { validateGraph } from "./validate";

const always = { all: [{ left: literal("x"), op: "is_not_empty" as const }] };

/** trigger → upsert → loop over tasks (each: create task) → done: filter. */
function validGraph(): WorkflowGraph {
  return {
    schemaVersion: 1,
    nodes: [
      trigger(),
      action("upsert", "df.client.upsert", {
        email: ref("trigger", "contact.email"),
        name: pipeline(ref("trigger", "contact.firstName"), { transform: "name.join", params: { last: ref("trigger", "contact.lastName") } }),
        phone: pipeline(ref("trigger", "contact.phone"), { transform: "phone.e164" }),
        tags: ref("trigger", "contact.tags"),
      }),
      loop("tasks", ref("trigger", "tasks")),
      action("task", "df.task.create", {
        clientId: ref("upsert", "id"),
        title: parseTemplate("{{ @tasks.index }}. {{ @tasks.item.title }}"),
        done: ref("tasks", "item.completed"),
      }),
      filter("created", { all: [{ left: ref("upsert", "created"), op: "is_true" }, { left: ref("tasks", "count"), op: "greater_than", right: literal(0) }] }),
    ],
    edges: [edge("trigger", "upsert"), edge("upsert", "tasks"), edge("tasks", "task", "each"), edge("tasks", "created", "done")],
  };
}

const issuesOf = (graph: unknown) => {
  const result = validateGraph(graph, catalog);
  return { ...result, all: [...result.errors, ...result.warnings] };
};
const pick = (issues: ValidationIssue[], code: string) => issues.filter((i) => i.code === code);

describe("validateGraph", () => {
  it("accepts a valid graph with no warnings", () => {
    expect(validateGraph(validGraph(), catalog)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it("reports every problem at once", () => {
    const graph = validGraph();
    graph.nodes.push(upsert("orphan", { email: ref("ghost", "x") }));
    graph.edges.push(edge("upsert", "nowhere"));
    const { ok, errors } = issuesOf(graph);
    expect(ok).toBe(false);
    expect(errors.map((e) => e.code).sort()).toEqual(["dangling_edge", "reference_not_upstream", "unreachable_node"]);
  });

  type Case = [string, () => unknown, Partial<ValidationIssue> & { code: string }, "error" | "warning"];
  const withNode = (extra: GraphNode, from = "upsert", handle?: string) => () => {
    const graph = validGraph();
    graph.nodes.push(extra);
    graph.edges.push(edge(from, extra.id, handle));
    return graph;
  };
  const edit = (change: (g: WorkflowGraph) => void) => () => {
    const graph = validGraph();
    change(graph);
    return graph;
  };

  it.each<Case>([
    ["invalid_graph", () => ({ schemaVersion: 1, nodes: [{ id: "x", kind: "action" }], edges: [] }), { code: "invalid_graph", nodeId: "x" }, "error"],
    ["duplicate_id", edit((g) => g.nodes.push(upsert("upsert"))), { code: "duplicate_id", nodeId: "upsert" }, "error"],
    ["trigger_count: none", () => chain(upsert("a")), { code: "trigger_count" }, "error"],
    ["trigger_count: two", edit((g) => g.nodes.push(trigger("second"))), { code: "trigger_count", nodeId: "second" }, "error"],
    [
      "unknown_trigger",
      edit((g) => Object.assign(g.nodes[0], { triggerKey: "ghl.nope" })),
      { code: "unknown_trigger", nodeId: "trigger", field: "triggerKey" },
      "error",
    ],
    ["unknown_operation", withNode(action("mystery", "df.teleport", {})), { code: "unknown_operation", nodeId: "mystery" }, "error"],
    [
      "missing_required_input",
      withNode(action("t2", "df.task.create", { clientId: ref("upsert", "id"), title: lit("") })),
      { code: "missing_required_input", nodeId: "t2", field: "inputs.title" },
      "error",
    ],
    [
      "missing_required_input (nested)",
      withNode(upsert("u2", { "address.city": lit("Austin") })),
      { code: "missing_required_input", nodeId: "u2", field: "inputs.address.zip" },
      "error",
    ],
    ["unknown_input", withNode(upsert("u2", { nickname: lit("J") })), { code: "unknown_input", nodeId: "u2", field: "inputs.nickname" }, "warning"],
    ["dangling_edge", edit((g) => g.edges.push(edge("ghost", "upsert", undefined, "bad"))), { code: "dangling_edge", edgeId: "bad" }, "error"],
    [
      "invalid_source_handle",
      edit((g) => g.edges.push(edge("upsert", "created", "true", "bad"))),
      { code: "invalid_source_handle", edgeId: "bad", nodeId: "upsert" },
      "error",
    ],
    [
      "invalid_source_handle (loop needs each/done)",
      edit((g) => (g.edges[3] = { id: "bad", source: "tasks", target: "created" })),
      { code: "invalid_source_handle", edgeId: "bad" },
      "error",
    ],
    ["edge_into_trigger", edit((g) => g.edges.push(edge("created", "trigger", undefined, "bad"))), { code: "edge_into_trigger", edgeId: "bad" }, "error"],
    ["unreachable_node", edit((g) => g.nodes.push(upsert("island"))), { code: "unreachable_node", nodeId: "island" }, "error"],
    ["cycle", edit((g) => g.edges.push(edge("created", "upsert", undefined, "back"))), { code: "cycle", edgeId: "back" }, "error"],
    [
      "loop_body_leak",
      edit((g) => g.edges.push(edge("task", "created", undefined, "leak"))),
      { code: "loop_body_leak", nodeId: "created" },
      "error",
    ],
    [
      "reference_not_upstream (downstream node)",
      edit((g) => Object.assign(g.nodes[1], { inputs: { email: ref("task", "id"), name: lit("A") } })),
      { code: "reference_not_upstream", nodeId: "upsert", field: "inputs.email" },
      "error",
    ],
    [
      "reference_not_upstream (no such node)",
      withNode(upsert("u2", { phone: parseTemplate("{{ @ghost.phone }}") })),
      { code: "reference_not_upstream", nodeId: "u2", field: "inputs.phone" },
      "error",
    ],
    [
      "reference_not_upstream (JSONata)",
      withNode(upsert("u2", { phone: { kind: "jsonata", expression: "task.id" } }), "trigger"),
      { code: "reference_not_upstream", nodeId: "u2" },
      "error",
    ],
    [
      "loop_item_outside_body",
      withNode(upsert("after", { name: ref("tasks", "item.title") }), "created"),
      { code: "loop_item_outside_body", nodeId: "after", field: "inputs.name" },
      "error",
    ],
    [
      "unknown_reference_path",
      withNode(upsert("u2", { name: ref("trigger", "contact.nickname") })),
      { code: "unknown_reference_path", nodeId: "u2", field: "inputs.name" },
      "warning",
    ],
    [
      "unknown_reference_path (a filter has no output)",
      withNode(upsert("u2", { name: ref("created", "passed") }), "created"),
      { code: "unknown_reference_path", nodeId: "u2" },
      "warning",
    ],
    [
      "unknown_reference_path (the error path exposes only the error)",
      withNode(upsert("alert", { name: ref("upsert", "id") }), "upsert", "error"),
      { code: "unknown_reference_path", nodeId: "alert" },
      "warning",
    ],
    [
      "type_mismatch (object into text)",
      withNode(upsert("u2", { name: ref("trigger", "contact") })),
      { code: "type_mismatch", nodeId: "u2", field: "inputs.name" },
      "warning",
    ],
    [
      "type_mismatch (list into text)",
      withNode(upsert("u2", { email: ref("trigger", "contact.tags") })),
      { code: "type_mismatch", field: "inputs.email" },
      "warning",
    ],
    [
      "type_mismatch (transform output)",
      withNode(upsert("u2", { name: pipeline(literal("1,200"), { transform: "number.parse" }) })),
      { code: "type_mismatch", field: "inputs.name" },
      "warning",
    ],
    [
      "type_mismatch (loop item field)",
      edit((g) => Object.assign(g.nodes[3], { inputs: { clientId: ref("upsert", "id"), title: ref("tasks", "item.completed") } })),
      { code: "type_mismatch", nodeId: "task", field: "inputs.title" },
      "warning",
    ],
    [
      "type_mismatch (loop over a non-list)",
      edit((g) => Object.assign(g.nodes[2], { items: ref("trigger", "contact.email") })),
      { code: "type_mismatch", nodeId: "tasks", field: "items" },
      "warning",
    ],
    [
      "unlabelled_branch_output (case label)",
      withNode({
        id: "route",
        label: "Route",
        position: { x: 0, y: 0 },
        kind: "branch",
        mode: "switch",
        cases: [{ id: "vip", label: " ", condition: always }],
      }),
      { code: "unlabelled_branch_output", nodeId: "route", field: "cases[0].label" },
      "error",
    ],
    [
      "unlabelled_branch_output (edge without output)",
      edit((g) => {
        g.nodes.push(ifBranch("check", always), upsert("yes"));
        g.edges.push(edge("upsert", "check"), edge("check", "yes", undefined, "plain"));
      }),
      { code: "unlabelled_branch_output", nodeId: "check", edgeId: "plain" },
      "error",
    ],
    [
      "invalid_condition (missing right side)",
      withNode(filter("f2", { any: [{ left: ref("upsert", "id"), op: "equals" }] })),
      { code: "invalid_condition", nodeId: "f2", field: "condition" },
      "error",
    ],
    [
      "invalid_condition (bad regex)",
      withNode(filter("f2", { all: [{ left: ref("upsert", "id"), op: "matches_regex", right: literal("([") }] })),
      { code: "invalid_condition", nodeId: "f2" },
      "error",
    ],
    [
      "invalid_mapping (unknown transform)",
      withNode(upsert("u2", { name: pipeline(ref("trigger", "contact.firstName"), { transform: "text.reverse" }) })),
      { code: "invalid_mapping", nodeId: "u2", field: "inputs.name" },
      "error",
    ],
    [
      "invalid_mapping (transform settings)",
      withNode(upsert("u2", { phone: pipeline(ref("trigger", "contact.phone"), { transform: "phone.e164", params: { defaultCountry: "usa" } }) })),
      { code: "invalid_mapping", nodeId: "u2", field: "inputs.phone" },
      "error",
    ],
    [
      "invalid_mapping (JSONata syntax)",
      withNode(upsert("u2", { phone: { kind: "jsonata", expression: "trigger.." } })),
      { code: "invalid_mapping", nodeId: "u2" },
      "error",
    ],
  ])("%s", (_name, build, expected, severity) => {
    const { errors, warnings } = issuesOf(build());
    const list = severity === "error" ? errors : warnings;
    expect(pick(list, expected.code)).toContainEqual(expect.objectContaining({ ...expected, severity }));
  });

  it("reference_may_be_skipped: a merge reading one arm of a branch", () => {
    const graph: WorkflowGraph = {
      schemaVersion: 1,
      nodes: [trigger(), ifBranch("check", always), upsert("a"), upsert("b"), upsert("merge", { name: ref("a", "id") })],
      edges: [edge("trigger", "check"), edge("check", "a", "true"), edge("check", "b", "false"), edge("a", "merge"), edge("b", "merge")],
    };
    const { ok, warnings } = issuesOf(graph);
    expect(ok).toBe(true);
    expect(warnings).toEqual([expect.objectContaining({ code: "reference_may_be_skipped", nodeId: "merge", field: "inputs.name" })]);
  });

  it("the error path may read the failed step's error", () => {
    const graph = withNode(upsert("alert", { name: ref("upsert", "error.message") }), "upsert", "error")();
    expect(validateGraph(graph, catalog)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it("messages name steps by label", () => {
    const graph = withNode(action("t2", "df.task.create", { clientId: ref("upsert", "id") }, "Create follow-up"))();
    expect(pick(issuesOf(graph).errors, "missing_required_input")[0].message).toBe('"Create follow-up" needs a value for "title"');
  });
});

describe("connections", () => {
  const connected = catalogFromDefinitions({
    triggers: [{ key: "ghl.contact.created", label: "Contact created", payload: z.object({ email: z.string() }) }],
    operations: [
      { key: "df.note", label: "Add note", connector: "details-flowers", input: z.object({ body: z.string().optional() }), output: z.object({}) },
      { key: "hook.send", label: "Send", connector: "webhook", input: z.object({ body: z.string().optional() }), output: z.object({}) },
    ],
  });
  const graph = (connectionId?: string): WorkflowGraph => chain(trigger(), { ...action("note", "df.note", {}), connectionId } as GraphNode, action("send", "hook.send", {}));

  it("asks for a connection on actions that need one, naming the system", () => {
    const errors = validateGraph(graph(), connected).errors;
    expect(errors).toEqual([expect.objectContaining({ code: "missing_connection", nodeId: "note", field: "connectionId", message: expect.stringContaining("Details Flowers") })]);
  });

  it("is satisfied once one is picked; webhook actions never need one", () => {
    expect(validateGraph(graph("conn-1"), connected).errors).toEqual([]);
  });
});
