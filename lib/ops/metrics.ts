/** Prometheus text exposition of the numbers an operator alerts on. */
import { db } from "@/lib/db/client";
import { liveWorkers } from "./health";

type Sample = { name: string; help: string; type: "gauge" | "counter"; values: { labels?: Record<string, string>; value: number }[] };

function format(samples: Sample[]): string {
  const escape = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
  return (
    samples
      .flatMap((s) => [
        `# HELP ${s.name} ${s.help}`,
        `# TYPE ${s.name} ${s.type}`,
        ...s.values.map(({ labels, value }) => {
          const l = labels && Object.keys(labels).length ? `{${Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`).join(",")}}` : "";
          return `${s.name}${l} ${value}`;
        }),
      ])
      .join("\n") + "\n"
  );
}

export async function renderMetrics(): Promise<string> {
  const [runs, connections, events, workers] = await Promise.all([
    db().run.groupBy({ by: ["status"], _count: { _all: true } }),
    db().connection.groupBy({ by: ["provider", "status"], _count: { _all: true } }),
    db().triggerEvent.count(),
    liveWorkers(),
  ]);
  const memory = process.memoryUsage();
  return format([
    { name: "bloombridge_up", help: "1 when the web process can reach its database", type: "gauge", values: [{ value: 1 }] },
    { name: "bloombridge_workers", help: "Workers with a fresh heartbeat", type: "gauge", values: [{ value: workers }] },
    {
      name: "bloombridge_runs",
      help: "Workflow runs in history by status",
      type: "gauge",
      values: runs.map((r) => ({ labels: { status: r.status }, value: r._count._all })),
    },
    {
      name: "bloombridge_connections",
      help: "Connections by provider and status",
      type: "gauge",
      values: connections.map((c) => ({ labels: { provider: c.provider, status: c.status }, value: c._count._all })),
    },
    { name: "bloombridge_trigger_events", help: "Trigger events stored", type: "gauge", values: [{ value: events }] },
    { name: "process_resident_memory_bytes", help: "Resident memory of the web process", type: "gauge", values: [{ value: memory.rss }] },
    { name: "nodejs_heap_used_bytes", help: "V8 heap in use", type: "gauge", values: [{ value: memory.heapUsed }] },
    { name: "process_uptime_seconds", help: "Seconds since the web process started", type: "gauge", values: [{ value: Math.round(process.uptime()) }] },
  ]);
}
