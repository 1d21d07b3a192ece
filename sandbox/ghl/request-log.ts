export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  time: string;
  durationMs: number;
  locationId?: string;
}

const MAX_ENTRIES = 2000;

/** Ring buffer of recent non-admin requests, so tests can count calls. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest) {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear() {
    this.entries = [];
  }
}
