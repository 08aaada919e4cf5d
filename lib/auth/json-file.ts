import { unwatchFile, watchFile } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/**
 * A small JSON file in DATA_DIR that other processes may change (the user CLI, another instance):
 * read again whenever its mtime moves, written atomically and readable by its owner only. A
 * server watches it instead: then reads come from memory (no file system call per request, which
 * would queue behind password hashing in libuv's thread pool) and a change is reloaded within a
 * second and announced.
 */
export class JsonFile<T> {
  private cache?: { mtimeMs: number; value: T };
  private watching = false;
  /** What was last read from the file, kept when the cache is dropped: the "before" of a change. */
  private loaded?: T;
  private refreshing?: Promise<T>;
  private refreshedAt = 0;

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    /** What an absent file holds. */
    private readonly empty: T,
    /** Named in the error when the file is broken ("users", "displays"). */
    private readonly what: string,
  ) {}

  async read(): Promise<T> {
    if (this.watching && this.cache) return this.cache.value;
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.file)).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return this.empty;
      throw error;
    }
    if (this.cache?.mtimeMs === mtimeMs) return this.cache.value;
    const parsed = this.schema.safeParse(JSON.parse(await readFile(this.file, "utf8")));
    if (!parsed.success) throw new Error(`${this.file} is not a valid ${this.what} file: ${z.prettifyError(parsed.error)}`);
    this.cache = { mtimeMs, value: parsed.data };
    this.loaded = parsed.data;
    return parsed.data;
  }

  /** Keeps the file in memory and calls `onChange` with the old and new contents whenever it changes (polled each `intervalMs`, which works on shared file systems too). */
  async watch(onChange: (before: T, after: T) => void, intervalMs = 1_000): Promise<void> {
    await this.read();
    this.watching = true;
    watchFile(this.file, { interval: intervalMs, persistent: false }, () => {
      // Compared with what this process last loaded (a sign-in may have read the file between two
      // polls), so a user added and removed within one interval is still seen to go.
      const previous = this.loaded ?? this.empty;
      this.cache = undefined;
      this.watching = false;
      this.read()
        .then((after) => {
          if (previous !== after) onChange(previous, after);
        })
        .catch(() => undefined)
        .finally(() => {
          this.watching = true;
        });
    });
  }

  /**
   * While watching: looks at the file now rather than at the next poll (a user just added by the
   * CLI signs in at once), at most once per 200 ms however many ask, so a flood of unknown names
   * cannot turn into a flood of file system calls.
   */
  refresh(): Promise<T> {
    if (!this.watching) return this.read();
    if (this.refreshing) return this.refreshing;
    if (Date.now() - this.refreshedAt < 200 && this.cache) return Promise.resolve(this.cache.value);
    this.refreshedAt = Date.now();
    this.watching = false;
    this.refreshing = this.read().finally(() => {
      this.watching = true;
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  unwatch(): void {
    this.watching = false;
    unwatchFile(this.file);
  }

  async write(value: T): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(value, null, 2), { mode: 0o600 });
    await rename(tmp, this.file);
    this.cache = undefined;
  }
}
