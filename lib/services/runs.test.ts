import { describe, expect, it } from "vitest";
import { adviceFor, waitingText } from "./runs";

describe("run wording", () => {
  it.each([
    [{ kind: "auth" }, /Reconnect/],
    [{ kind: "mapping", fields: [] }, /field mapping/],
    [{ kind: "fatal", status: 404 }, /no longer exists/],
    [{ kind: "retryable", status: 503 }, /temporary failure/],
    [{ kind: "fatal", status: 400 }, /API's message/],
  ])("advises on %j", (error, advice) => {
    expect(adviceFor(error)).toMatch(advice);
  });

  it.each([
    ["rate_limit", /Rate limited until/],
    ["delay", /Delayed until/],
    ["retry:note", /Retrying at/],
    ["reconnect:abc", /reconnected/],
  ])("explains waiting for %s", (waitingFor, text) => {
    expect(waitingText(waitingFor, new Date())).toMatch(text);
  });
});
