/** What the catalog list needs per entry: no schemas, so the client bundle stays small. */
export type CatalogListItem = {
  key: string;
  kind: "trigger" | "action" | "logic";
  connector: string;
  connectorLabel: string;
  resource: string;
  label: string;
  description: string;
  deprecated: boolean;
  delivery?: "webhook" | "polling";
};

export const KIND_LABEL: Record<CatalogListItem["kind"], string> = { trigger: "Trigger", action: "Action", logic: "Logic" };
