/**
 * Text form of mappings: `Hello {{ @trigger.contact.firstName }}!`. Parsing and formatting
 * are inverse for literals, references and templates; pipelines and JSONata format for
 * display only (the mapper edits them as structured objects).
 */
import { formatPath, parsePath, PathSyntaxError } from "./path";
import type { Mapping, RefMapping, TemplateMapping, TemplatePart } from "./schema";

export class TemplateSyntaxError extends Error {
  constructor(
    readonly text: string,
    readonly offset: number,
    reason: string,
  ) {
    super(`${reason} (at character ${offset + 1})`);
    this.name = "TemplateSyntaxError";
  }
}

const REF_BODY = /^@([A-Za-z0-9_-]+)(.*)$/s;

/** `@nodeId.path` (without braces) → a ref mapping. */
export function parseRef(text: string): RefMapping {
  const match = REF_BODY.exec(text.trim());
  if (!match) throw new PathSyntaxError(text, 'a reference looks like "@nodeId.path"');
  const [, node, rest] = match;
  if (rest !== "" && !rest.startsWith(".") && !rest.startsWith("[")) {
    throw new PathSyntaxError(text, 'expected "." or "[" after the node id');
  }
  const segments = parsePath(rest.startsWith(".") ? rest.slice(1) : rest);
  return { kind: "ref", node, path: formatPath(segments) };
}

export function formatRef(mapping: Pick<RefMapping, "node" | "path">): string {
  const path = mapping.path === "" ? "" : mapping.path.startsWith("[") ? mapping.path : `.${mapping.path}`;
  return `@${mapping.node}${path}`;
}

/** Text with `{{ @node.path }}` references → template. `{{` not followed by `@` stays text. */
export function parseTemplate(text: string): TemplateMapping {
  const parts: TemplatePart[] = [];
  let buffer = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{{", i);
    if (open < 0) break;
    if (!/^\{\{\s*@/.test(text.slice(open))) {
      buffer += text.slice(i, open + 2);
      i = open + 2;
      continue;
    }
    const close = text.indexOf("}}", open + 2);
    if (close < 0) throw new TemplateSyntaxError(text, open, 'Reference is missing its closing "}}"');
    buffer += text.slice(i, open);
    if (buffer) parts.push(buffer);
    buffer = "";
    try {
      parts.push(parseRef(text.slice(open + 2, close)));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TemplateSyntaxError(text, open, reason);
    }
    i = close + 2;
  }
  buffer += text.slice(i);
  if (buffer) parts.push(buffer);
  return { kind: "template", parts };
}

export function formatMapping(mapping: Mapping): string {
  switch (mapping.kind) {
    case "literal":
      return typeof mapping.value === "string" ? mapping.value : (JSON.stringify(mapping.value) ?? "");
    case "ref":
      return `{{ ${formatRef(mapping)} }}`;
    case "template":
      return mapping.parts.map((part) => (typeof part === "string" ? part : `{{ ${formatRef(part)} }}`)).join("");
    case "pipeline": {
      const source = mapping.source.kind === "ref" ? formatRef(mapping.source) : JSON.stringify(formatMapping(mapping.source));
      const steps = mapping.transforms.map((t) =>
        t.params && Object.keys(t.params).length > 0 ? `${t.transform}(${JSON.stringify(t.params)})` : t.transform,
      );
      return `{{ ${[source, ...steps].join(" | ")} }}`;
    }
    case "jsonata":
      return `{{= ${mapping.expression} }}`;
  }
}
