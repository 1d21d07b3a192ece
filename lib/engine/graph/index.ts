export * from "./schema";
export * from "./condition";
export * from "./migrate";
export * from "./topology";
export * from "./catalog";
export * from "./issues";
export { validateGraph } from "./validate";
export { toJsonSchema, schemaAtPath, missingRequiredInputs, requiredInputNames, typesOf, type JsonSchema } from "./json-schema";
export { NO_OUTPUT_SCHEMA, STEP_ERROR_SCHEMA, createOutputResolver } from "./node-outputs";
