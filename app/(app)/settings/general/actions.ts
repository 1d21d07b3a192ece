"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/auth/guard";
import { generalSettingsInput, rotateAlertSecret, saveGeneralSettings, sendTestAlert } from "@/lib/settings/general";

const PATH = "/settings/general";

export const saveGeneralSettingsAction = action("admin", generalSettingsInput, async (input, principal) => {
  const saved = await saveGeneralSettings(principal, input);
  revalidatePath(PATH);
  return saved;
});

export const rotateAlertSecretAction = action("admin", z.object({}), async (_input, principal) => {
  const rotated = await rotateAlertSecret(principal);
  revalidatePath(PATH);
  return rotated;
});

export const sendTestAlertAction = action("admin", z.object({}), async (_input, principal) => {
  const result = await sendTestAlert(principal);
  revalidatePath(PATH);
  return result;
});
