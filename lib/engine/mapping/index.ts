export * from "./schema";
export * from "./errors";
export { parsePath, formatPath, getPath, lookupPath, setPath, listPaths, isValidPath, typeOfValue, PathSyntaxError } from "./path";
export type { PathSegment, PathType, SamplePath } from "./path";
export { parseTemplate, parseRef, formatRef, formatMapping, TemplateSyntaxError } from "./template";
export { evaluateMapping, resolveInputs, loopScope, stringify, type EvaluateOptions, type ResolveOptions } from "./evaluate";
export { referencedNodes, collectRefs, jsonataRootNames } from "./references";
export { transforms, getTransform, type TransformDefinition, type ValueTypeName } from "./transforms";
