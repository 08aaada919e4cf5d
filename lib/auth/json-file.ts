import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/**
 * A small JSON file in DATA_DIR that other processes may change (the user CLI, another instance):
 * read again whenever its mtime moves, written atomically and readable by its owner only.
 */
export class JsonFile<T> {
  private cache?: { mtimeMs: number; value: T };

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    /** What an absent file holds. */
    private readonly empty: T,
    /** Named in the error when the file is broken ("users", "displays"). */
    private readonly what: string,
  ) {}

  async read(): Promise<T> {
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
    return parsed.data;
  }

  async write(value: T): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(value, null, 2), { mode: 0o600 });
    await rename(tmp, this.file);
    this.cache = undefined;
  }
}
