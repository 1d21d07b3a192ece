import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { seedData } from "./seed";
import type { ContactRecord, LocationRecord, SandboxData } from "./types";

const SAVE_DEBOUNCE_MS = 100;

/** In-memory sandbox state with debounced, atomic persistence to one JSON file. */
export class SandboxStore {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private listeners: (() => void)[] = [];

  private constructor(
    public data: SandboxData,
    private readonly filePath: string | null,
    private readonly seed: number,
  ) {}

  static async open(filePath: string | null, seed: number): Promise<SandboxStore> {
    if (filePath) {
      try {
        const parsed = JSON.parse(await readFile(filePath, "utf8")) as SandboxData;
        if (parsed.version === 1) return new SandboxStore(parsed, filePath, seed);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
    }
    const store = new SandboxStore(seedData(seed), filePath, seed);
    store.markDirty();
    return store;
  }

  /** Called after any data replacement (reset) so derived views can rebuild. */
  onReset(listener: () => void) {
    this.listeners.push(listener);
  }

  /** Re-seeds business data; OAuth grants and the webhook URL survive unless `wipeOauth`. */
  reset(wipeOauth = false) {
    const fresh = seedData(this.seed);
    if (!wipeOauth) {
      fresh.oauth = this.data.oauth;
      fresh.webhookUrl = this.data.webhookUrl;
    }
    this.data = fresh;
    this.markDirty();
    for (const l of this.listeners) l();
  }

  location(id: string): LocationRecord | undefined {
    return this.data.locations.find((l) => l.id === id);
  }

  contactsOf(locationId: string): ContactRecord[] {
    return Object.values(this.data.contacts).filter((c) => c.locationId === locationId);
  }

  markDirty() {
    if (!this.filePath || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, SAVE_DEBOUNCE_MS);
  }

  async flush() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      await this.save();
    }
    await this.writing;
  }

  private save(): Promise<void> {
    const file = this.filePath;
    if (!file) return Promise.resolve();
    const json = JSON.stringify(this.data);
    // Chain writes so two saves never race on the temp file.
    this.writing = this.writing.then(async () => {
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, json);
      await rename(tmp, file);
    });
    return this.writing;
  }
}
