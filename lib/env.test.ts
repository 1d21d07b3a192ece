import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.GHL_SANDBOX_PORT).toBe(4010);
    expect(env.DF_SANDBOX_PORT).toBe(4020);
    expect(env.BLOOMBRIDGE_SANDBOXES).toBe(true);
    expect(env.BLOOMBRIDGE_MAX_API_BODY_BYTES).toBe(1024 * 1024);
    expect(env.BLOOMBRIDGE_MAX_WEBHOOK_BODY_BYTES).toBe(1024 * 1024);
  });

  it("reads the body limits", () => {
    expect(parseEnv({ BLOOMBRIDGE_MAX_API_BODY_BYTES: "2097152", BLOOMBRIDGE_MAX_WEBHOOK_BODY_BYTES: "65536" })).toMatchObject({
      BLOOMBRIDGE_MAX_API_BODY_BYTES: 2097152,
      BLOOMBRIDGE_MAX_WEBHOOK_BODY_BYTES: 65536,
    });
  });

  it.each([
    ["PORT", "abc", /PORT: .*number/i],
    ["PORT", "70000", /PORT:/],
    ["GHL_SANDBOX_PORT", "4190", /GHL_SANDBOX_PORT: browsers and fetch refuse to connect to this port/],
    ["DATABASE_URL", "mysql://x", /DATABASE_URL: must be a postgresql:\/\/ connection URL \(got "mysql:\/\/x"\)/],
    ["BLOOMBRIDGE_ADMIN_PASSWORD", "short", /BLOOMBRIDGE_ADMIN_PASSWORD: must be at least 12 characters$/m],
    ["GHL_API_BASE_URL", "not a url", /GHL_API_BASE_URL:/],
    ["BLOOMBRIDGE_SANDBOXES", "maybe", /BLOOMBRIDGE_SANDBOXES:/],
    ["BLOOMBRIDGE_MAX_API_BODY_BYTES", "12", /BLOOMBRIDGE_MAX_API_BODY_BYTES: must be at least 1024 bytes/],
    ["BLOOMBRIDGE_MAX_WEBHOOK_BODY_BYTES", "1MB", /BLOOMBRIDGE_MAX_WEBHOOK_BODY_BYTES:/],
  ])("names the bad variable %s=%s", (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrow(message);
  });

  it("never echoes secret values", () => {
    expect(() => parseEnv({ BLOOMBRIDGE_ADMIN_PASSWORD: "tiny" })).not.toThrow(/tiny/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "" }).PORT).toBe(3000);
  });
});
