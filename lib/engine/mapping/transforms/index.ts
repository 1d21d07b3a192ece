/** The fixed transform library, listed explicitly; the mapper builds its menus from this. */
import { dateFormat, dateParse } from "./date";
import type { TransformDefinition } from "./define";
import { defaultValue, jsonPick, listPick, lookupTable } from "./logic";
import { firstName, joinName, lastName } from "./name";
import { booleanParse, numberParse, phoneE164 } from "./parse";
import { lower, trim, upper } from "./text";

export const transforms: readonly TransformDefinition[] = [
  trim,
  lower,
  upper,
  firstName,
  lastName,
  joinName,
  defaultValue,
  dateParse,
  dateFormat,
  phoneE164,
  numberParse,
  booleanParse,
  lookupTable,
  listPick,
  jsonPick,
];

const byKey = new Map(transforms.map((t) => [t.key, t]));

export function getTransform(key: string): TransformDefinition | undefined {
  return byKey.get(key);
}

export type { TransformDefinition, ValueTypeName } from "./define";
export { isEmptyValue } from "./define";
export { splitName } from "./name";
export { toBoolean } from "./parse";
export { formatDate, parseDate } from "./date-core";
