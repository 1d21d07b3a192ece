import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as installRoute from "@/app/api/v1/templates/[key]/install/route";
import * as templatesRoute from "@/app/api/v1/templates/route";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { stopQueue } from "@/lib/engine/queue";
import { TEMPLATES } from "@/lib/engine/templates/recipes";
import { apiKeyFor, call } from "./client.test-helper";

let editor: string;
let viewer: string;
let ghlId: string;
let dfId: string;

beforeAll(async () => {
  editor = await apiKeyFor("editor");
  viewer = await apiKeyFor("viewer");
  ghlId = (await createConnection({ provider: "ghl", kind: "pit", label: "Templates GHL", credentials: { accessToken: "pit-x" }, accountId: `tpl-${Date.now()}` })).id;
  dfId = (await createConnection({ provider: "details-flowers", kind: "client_credentials", label: "Templates DF", credentials: { clientId: "c", clientSecret: "s" } })).id;
});
afterAll(async () => {
  await stopQueue();
  await disconnectDb();
});

type Node = { kind: string; connectionId?: string; triggerKey?: string; operationKey?: string };
const connectionsOf = (nodes: Node[]) => nodes.filter((n) => n.kind === "trigger" || n.kind === "action").map((n) => n.connectionId);

describe("/api/v1 templates", () => {
  it("lists every recipe with its trigger, actions in order and the systems it needs", async () => {
    const res = await call(templatesRoute.GET, { key: viewer, path: "/templates" });
    expect(res.status).toBe(200);
    expect(res.body.data.map((t: { key: string }) => t.key)).toEqual(TEMPLATES.map((t) => t.key));
    const recipe1 = res.body.data.find((t: { key: string }) => t.key === "contact-to-client");
    expect(recipe1).toMatchObject({ trigger: "ghl.contact.created", connectors: ["ghl", "details-flowers"] });
    expect(recipe1.actions).toContain("details-flowers.client.upsert");
  });

  it("installs a template as a draft bound to the chosen connections", async () => {
    const res = await call(installRoute.POST, { key: editor, params: { key: "contact-to-client" }, body: { name: "Recipe 1 via API", connections: { ghl: ghlId, "details-flowers": dfId } } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Recipe 1 via API", status: "draft" });
    const nodes = res.body.draftGraph.nodes as Node[];
    const trigger = nodes.find((n) => n.kind === "trigger");
    expect(trigger?.connectionId).toBe(ghlId);
    expect(nodes.filter((n) => n.operationKey?.startsWith("details-flowers.")).every((n) => n.connectionId === dfId)).toBe(true);
    expect(await db().workflow.count({ where: { id: res.body.id } })).toBe(1);
  });

  it("without a choice, binds every step to an active connection of its system", async () => {
    const res = await call(installRoute.POST, { key: editor, params: { key: TEMPLATES[2].key }, body: {} });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe(TEMPLATES[2].name);
    expect(connectionsOf(res.body.draftGraph.nodes).every(Boolean)).toBe(true);
  });

  it("refuses an unknown template (404) and a wrong or foreign connection (422, naming the field), creating nothing", async () => {
    const before = await db().workflow.count();
    const unknown = await call(installRoute.POST, { key: editor, params: { key: "nope" }, body: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("nope");

    const missing = await call(installRoute.POST, { key: editor, params: { key: "contact-to-client" }, body: { connections: { ghl: "00000000-0000-4000-8000-00000000dead" } } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([{ field: "connections.ghl", message: 'No connection with id "00000000-0000-4000-8000-00000000dead"' }]);

    const foreign = await call(installRoute.POST, { key: editor, params: { key: "contact-to-client" }, body: { connections: { ghl: dfId } } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details[0]).toMatchObject({ field: "connections.ghl", message: expect.stringContaining("details-flowers connection") });

    const badName = await call(installRoute.POST, { key: editor, params: { key: "contact-to-client" }, body: { name: "  " } });
    expect(badName.status).toBe(422);
    expect(await db().workflow.count()).toBe(before);
  });

  it("lets viewers list but not install, and refuses an unknown key", async () => {
    expect((await call(installRoute.POST, { key: viewer, params: { key: "contact-to-client" }, body: {} })).status).toBe(403);
    expect((await call(templatesRoute.GET, { key: "bb_not-a-real-key" })).status).toBe(401);
  });
});
