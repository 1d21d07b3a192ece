import { Button } from "@/components/ui/button";
import { RUN_DELIVERIES, RUN_RANGES, RUN_STATUSES, type RunFilterParams } from "@/lib/services/run-filter";

const RANGE_WORDS: Record<keyof typeof RUN_RANGES, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };
const field = "h-9 rounded-md border border-input bg-background px-2";

/** A plain GET form: the filter lives in the URL, so links and reloads keep it. */
export function RunFilterForm({ filter, workflows }: { filter: RunFilterParams; workflows: { id: string; name: string }[] }) {
  return (
    <form className="flex flex-wrap items-end gap-2 text-sm" aria-label="Filter runs">
      <label className="grid gap-1">
        Workflow
        <select name="workflowId" defaultValue={filter.workflowId ?? ""} className={field}>
          <option value="">All workflows</option>
          {workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        Status
        <select name="status" defaultValue={filter.status ?? ""} className={field}>
          <option value="">Any status</option>
          {RUN_STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        Trigger type
        <select name="delivery" defaultValue={filter.delivery ?? ""} className={field}>
          <option value="">Any trigger type</option>
          {RUN_DELIVERIES.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        Time range
        <select name="range" defaultValue={filter.range ?? ""} className={field}>
          <option value="">Any time</option>
          {Object.entries(RANGE_WORDS).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        Contact id or email
        <input name="contact" defaultValue={filter.contact ?? ""} className={`${field} w-64`} />
      </label>
      <Button type="submit" variant="outline">
        Filter
      </Button>
    </form>
  );
}
