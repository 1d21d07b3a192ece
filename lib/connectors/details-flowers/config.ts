/** The environment variables this connector reads, in one place. */
export const DF_SANDBOX_BASE_URL = "http://127.0.0.1:4020/v1";

export type DfEnv = {
  /** `DF_API_BASE_URL`: API root including the version prefix; defaults to the local sandbox. */
  apiBaseUrl: string;
  /** `DF_CLIENT_ID` / `DF_CLIENT_SECRET`: OAuth client-credentials pair. */
  clientId?: string;
  clientSecret?: string;
  /** `DF_API_KEY`: account API key, an alternative to the client-credentials pair. */
  apiKey?: string;
};

const nonEmpty = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

export function readDfEnv(env: Record<string, string | undefined> = process.env): DfEnv {
  return {
    apiBaseUrl: nonEmpty(env.DF_API_BASE_URL) ?? DF_SANDBOX_BASE_URL,
    clientId: nonEmpty(env.DF_CLIENT_ID),
    clientSecret: nonEmpty(env.DF_CLIENT_SECRET),
    apiKey: nonEmpty(env.DF_API_KEY),
  };
}
