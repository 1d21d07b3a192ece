import { describe, expect, it } from "vitest";
import { adviceFor, filteredText, nodeStatuses, waitingText } from "./runs";

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

describe("node status for the run graph", () => {
  it("gives each node one status, a failure in any loop item winning", () => {
    expect(
      nodeStatuses([
        { nodeId: "trigger", status: "succeeded" },
        { nodeId: "loop", status: "succeeded" },
        { nodeId: "each", status: "succeeded" },
        { nodeId: "each", status: "failed" },
        { nodeId: "each", status: "succeeded" },
        { nodeId: "filter", status: "skipped" },
        { nodeId: "later", status: "waiting" },
      ]),
    ).toEqual({ trigger: "succeeded", loop: "succeeded", each: "failed", filter: "skipped", later: "waiting" });
  });
});

describe("filteredText", () => {
  it("names the filter that stopped a filtered run, and says nothing for other statuses", () => {
    const steps = [
      { nodeId: "first", output: { passed: true } },
      { nodeId: "vip", output: { passed: false } },
    ];
    expect(filteredText("filtered", steps, { vip: "Only VIPs" })).toBe("Stopped by filter: “Only VIPs”");
    expect(filteredText("filtered", [], {})).toBe("Stopped by filter");
    expect(filteredText("succeeded", steps, { vip: "Only VIPs" })).toBeNull();
  });
});
