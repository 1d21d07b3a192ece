/** Templates as the API lists them: what each starts with, runs and needs connections to. */
import { getOperation, getTrigger } from "@/lib/connectors/registry";
import { topologicalOrder, triggerOf } from "@/lib/engine/graph";
import type { Template } from "@/lib/engine/templates/recipes";

export function toTemplateSummary(template: Template) {
  const { graph } = template;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const actions = topologicalOrder(graph).flatMap((id) => {
    const node = byId.get(id);
    return node?.kind === "action" ? [node.operationKey] : [];
  });
  const trigger = triggerOf(graph);
  const connectors = new Set<string>();
  if (trigger) connectors.add(getTrigger(trigger.triggerKey)?.connector ?? "");
  for (const key of actions) connectors.add(getOperation(key)?.connector ?? "");
  connectors.delete("");
  return { key: template.key, name: template.name, description: template.description, trigger: trigger?.triggerKey ?? "", actions, connectors: [...connectors] };
}
