/**
 * The saved shape of a field mapping. A mapping says where an action input's value comes
 * from: a fixed value, another node's output, text with references, a transform pipeline,
 * or (rarely) a JSONata expression.
 */
import { z } from "zod";
import { isValidPath } from "./path";

export const nodeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, "Node ids use letters, digits, '_' and '-'")
  .describe("Stable node id");

export const literalMappingSchema = z.object({
  kind: z.literal("literal"),
  value: z.unknown().describe("A fixed value"),
});

export const refMappingSchema = z.object({
  kind: z.literal("ref"),
  node: nodeIdSchema.describe("Id of the node whose output is read"),
  path: z.string().refine(isValidPath, "Invalid path").describe('Path into the output, e.g. contact.tags[0]; "" is the whole output'),
});

export const templatePartSchema = z.union([z.string(), refMappingSchema]);

export const templateMappingSchema = z.object({
  kind: z.literal("template"),
  parts: z.array(templatePartSchema).describe("Text mixed with references"),
});

export const transformStepSchema = z.object({
  transform: z.string().describe("Transform key from the transform registry, e.g. text.trim"),
  params: z.record(z.string(), z.unknown()).optional().describe("Parameters, checked by the transform's own schema"),
});

export const jsonataMappingSchema = z.object({
  kind: z.literal("jsonata"),
  expression: z.string().min(1).describe("JSONata expression evaluated against all node outputs"),
});

export const pipelineMappingSchema = z.object({
  kind: z.literal("pipeline"),
  get source(): z.ZodType<Mapping> {
    return mappingSchema;
  },
  transforms: z.array(transformStepSchema).describe("Applied in order"),
});

export const mappingSchema = z.discriminatedUnion("kind", [
  literalMappingSchema,
  refMappingSchema,
  templateMappingSchema,
  pipelineMappingSchema,
  jsonataMappingSchema,
]);

export type LiteralMapping = z.infer<typeof literalMappingSchema>;
export type RefMapping = z.infer<typeof refMappingSchema>;
export type TemplatePart = z.infer<typeof templatePartSchema>;
export type TemplateMapping = z.infer<typeof templateMappingSchema>;
export type TransformStep = z.infer<typeof transformStepSchema>;
export type JsonataMapping = z.infer<typeof jsonataMappingSchema>;
export type PipelineMapping = { kind: "pipeline"; source: Mapping; transforms: TransformStep[] };
export type Mapping = LiteralMapping | RefMapping | TemplateMapping | PipelineMapping | JsonataMapping;

/** Node outputs by node id; a loop node's entry is `{ item, index }` inside its body. */
export type Scope = Record<string, unknown>;

export const literal = (value: unknown): LiteralMapping => ({ kind: "literal", value });
export const ref = (node: string, path = ""): RefMapping => ({ kind: "ref", node, path });
export const pipeline = (source: Mapping, ...transforms: TransformStep[]): PipelineMapping => ({
  kind: "pipeline",
  source,
  transforms,
});
