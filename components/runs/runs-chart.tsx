import type { RunStats } from "@/lib/services/run-stats";

const SERIES = [
  { key: "succeeded", label: "Succeeded", className: "fill-success" },
  { key: "filtered", label: "Stopped by filter", className: "fill-muted-foreground/50" },
  { key: "failed", label: "Failed", className: "fill-destructive" },
  { key: "cancelled", label: "Cancelled", className: "fill-muted-foreground" },
  { key: "active", label: "In progress", className: "fill-info" },
] as const;

const W = 720;
const H = 160;
const PAD = 24;

function bucketLabel(iso: string, unit: RunStats["unit"]): string {
  const d = new Date(iso);
  return unit === "hour" ? `${d.getUTCHours().toString().padStart(2, "0")}:00` : iso.slice(5, 10);
}

const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(rate < 0.1 && rate > 0 ? 1 : 0)} %`);

/** Runs over time as stacked bars by status, with the error rate as a line (right axis 0–100 %). */
export function RunsChart({ stats, title }: { stats: RunStats; title: string }) {
  const max = Math.max(1, ...stats.buckets.map((b) => b.total));
  const step = (W - PAD * 2) / Math.max(1, stats.buckets.length);
  const barWidth = Math.max(2, step * 0.7);
  const y = (n: number) => (n / max) * (H - PAD * 2);
  const ratePoints = stats.buckets
    .map((b, i) => (b.errorRate === null ? null : `${PAD + i * step + step / 2},${H - PAD - b.errorRate * (H - PAD * 2)}`))
    .filter(Boolean)
    .join(" ");
  const labelEvery = Math.ceil(stats.buckets.length / 8);
  return (
    <figure className="space-y-2 rounded-md border p-3" data-testid="runs-chart">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{title}</span>
        <span className="text-muted-foreground" data-testid="runs-chart-summary">
          {stats.total} runs · {stats.failed} failed · error rate {percent(stats.errorRate)}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-40 w-full" role="img" aria-label={`${title}: ${stats.total} runs, error rate ${percent(stats.errorRate)}`}>
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} className="stroke-border" />
        <text x={4} y={PAD} className="fill-muted-foreground text-[10px]">{max}</text>
        <text x={W - PAD + 2} y={PAD} className="fill-muted-foreground text-[10px]">100%</text>
        {stats.buckets.map((b, i) => {
          let base = H - PAD;
          return (
            <g key={b.start}>
              <title>{`${b.start}: ${b.total} runs (${b.succeeded} ok, ${b.filtered} stopped by filter, ${b.failed} failed, ${b.cancelled} cancelled, ${b.active} in progress), error rate ${percent(b.errorRate)}`}</title>
              {SERIES.map((s) => {
                const h = y(b[s.key]);
                base -= h;
                return h > 0 ? <rect key={s.key} x={PAD + i * step + (step - barWidth) / 2} y={base} width={barWidth} height={h} className={s.className} /> : null;
              })}
              {i % labelEvery === 0 && (
                <text x={PAD + i * step + step / 2} y={H - 8} textAnchor="middle" className="fill-muted-foreground text-[10px]">
                  {bucketLabel(b.start, stats.unit)}
                </text>
              )}
            </g>
          );
        })}
        {ratePoints && <polyline points={ratePoints} fill="none" strokeWidth={1.5} className="stroke-warning" />}
      </svg>
      <ul className="flex flex-wrap gap-3 text-xs text-muted-foreground">
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <svg width="10" height="10" aria-hidden>
              <rect width="10" height="10" className={s.className} />
            </svg>
            {s.label}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <svg width="14" height="10" aria-hidden>
            <line x1="0" x2="14" y1="5" y2="5" strokeWidth={2} className="stroke-warning" />
          </svg>
          Error rate (UTC {stats.unit === "hour" ? "hours" : "days"})
        </li>
      </ul>
    </figure>
  );
}
