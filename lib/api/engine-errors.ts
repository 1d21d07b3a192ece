/** Turns the engine's domain errors into the API's error responses (422 with every issue). */
import { z } from "zod";
import { HttpError, zodDetails } from "@/lib/auth/guard";
import { WorkflowInvalidError } from "@/lib/db/workflows";
import { GraphFormatError } from "@/lib/engine/graph";
import { TemplateError } from "@/lib/engine/templates/install";

export async function withEngineErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHttpError(error);
  }
}

function toHttpError(error: unknown): unknown {
  if (error instanceof WorkflowInvalidError) {
    return new HttpError(422, "workflow_invalid", "The workflow is not ready to publish; fix every issue listed in details", error.issues);
  }
  if (error instanceof GraphFormatError) {
    return new HttpError(422, "graph_invalid", error.message, error.issues.map((i) => ({ field: `graph.${i.path}`.replace(/\.$/, ""), message: i.message })));
  }
  if (error instanceof TemplateError) {
    return error.field
      ? new HttpError(422, "validation_failed", error.message, [{ field: error.field, message: error.message }])
      : new HttpError(422, "template_unknown", error.message);
  }
  if (error instanceof z.ZodError) return new HttpError(422, "validation_failed", "The request is invalid", zodDetails(error));
  return error;
}
