/** A test's failure in words for the editor; unknown errors stay server-side (logged). */
import { isConnectorError } from "@/lib/connectors/errors";
import { GraphFormatError } from "../graph";
import { ConnectionNeedsReconnectError } from "../token-manager";

export function describeTestError(error: unknown): string | null {
  if (error instanceof ConnectionNeedsReconnectError) return `${error.message}. Reconnect it on the Connections page, then test again.`;
  if (isConnectorError(error)) {
    const status = error.status ? ` (HTTP ${error.status})` : "";
    return `${error.message}${status}`;
  }
  if (error instanceof GraphFormatError) return error.message;
  return null;
}
