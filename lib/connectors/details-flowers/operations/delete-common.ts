/** Shared by the delete operations: 404 means "already gone", which is what a retry wants. */
import { z } from "zod";
import type { OperationContext } from "../../define";
import { callDf } from "../call";
import { isDfNotFound } from "../errors";
import type { dfOperations } from "../generated/operations";

export const deleteResult = z.object({
  id: z.string().describe("Id of the deleted record"),
  alreadyDeleted: z.boolean().describe("True when the record did not exist (any more) before this step"),
});

type DeleteSpec = (typeof dfOperations)["deleteClient" | "deleteTask" | "deleteNote" | "deleteAppointment" | "deleteWebhook"];

export async function deleteWith(ctx: OperationContext, spec: DeleteSpec, id: string) {
  try {
    await callDf(ctx.http, spec, { path: { id }, idempotencyKey: ctx.idempotencyKey });
    return { id, alreadyDeleted: false };
  } catch (error) {
    if (!isDfNotFound(error)) throw error;
    return { id, alreadyDeleted: true };
  }
}
