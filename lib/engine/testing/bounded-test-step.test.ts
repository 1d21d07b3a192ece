/**
 * Finding 2 of issue 12, web side: "Test this step" with a runaway expression used to hold the
 * web process for ~90 s. Now the expression stops at its budget and health answers meanwhile.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import { disconnectDb } from "@/lib/db/client";
import { lit, webhookGraph } from "../graph/fixtures.test-helper";
import { MappingFailedError } from "../run/step-action";
import { testStep } from "./test-step";

afterAll(() => disconnectDb());

const RUNAWAY = "{'x': $sum($map([1..100000], function($v){ $sum($map([1..100000], function($w){ $w * 2 })) }))}";
const inputs = { url: lit("https://hooks.example.com/x"), body: { kind: "jsonata" as const, expression: RUNAWAY } };
const graph = webhookGraph(inputs, { timeoutMs: 5_000 });

async function health(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await healthRoute.GET(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });
  return { status: res.status, ms: performance.now() - started };
}

describe("Test this step with a runaway expression", () => {
  it("stops within a second with a clear error while /api/health keeps answering", async () => {
    await health(); // warm the database pool
    const started = performance.now();
    const test = testStep({ graph, nodeId: "send", samples: { trigger: {} } }).then(
      () => null,
      (error: unknown) => ({ error, ms: performance.now() - started }),
    );
    let zeroTimer = 0;
    const timerStart = performance.now();
    await new Promise<void>((resolve) => setTimeout(() => resolve(void (zeroTimer = performance.now() - timerStart)), 0));
    const during = await health();
    const stillRunning = performance.now() - started < 900;
    const outcome = await test;

    expect(zeroTimer).toBeLessThan(1_000);
    expect(during.status).toBe(200);
    expect(during.ms).toBeLessThan(1_000);
    expect(stillRunning).toBe(true);
    expect(outcome?.error).toBeInstanceOf(MappingFailedError);
    expect((outcome?.error as Error).message).toMatch(/Input "body": JSONata expression stopped: it ran longer than 1000 ms/);
    expect(outcome?.ms).toBeLessThan(1_500);
  });

  it("a step's shorter timeoutMs bounds its mapping, as in the worker (runAction resolves inputs the same way)", async () => {
    const short = webhookGraph(inputs, { timeoutMs: 300 });
    const started = performance.now();
    const error = await testStep({ graph: short, nodeId: "send", samples: { trigger: {} } }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(800);
    expect((error as Error).message).toMatch(/JSONata expression stopped: it ran longer than 300 ms/);
  });
});
