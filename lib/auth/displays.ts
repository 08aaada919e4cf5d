import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { JsonFile } from "./json-file";

const storedDisplaySchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string().min(1).max(80),
  /** SHA-256 of the link's token: the token itself is shown once, at creation, and never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The wall's URL settings ("only=attention&mask=initials"). */
  settings: z.string().max(1000),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});
type StoredDisplay = z.infer<typeof storedDisplaySchema>;
export type Display = Omit<StoredDisplay, "tokenHash">;

const fileSchema = z.object({ displays: z.array(storedDisplaySchema) });

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const toPublic = (d: StoredDisplay): Display => ({ id: d.id, name: d.name, settings: d.settings, createdAt: d.createdAt, createdBy: d.createdBy });

/**
 * Wall displays in `<DATA_DIR>/displays.json`: a name, the wall settings its link opens, and the
 * hash of its long random token. Read again when the file changes (another instance or process
 * may have revoked one), written atomically.
 */
export class DisplayStore {
  private readonly store: JsonFile<z.infer<typeof fileSchema>>;

  constructor(readonly dataDir: string) {
    this.store = new JsonFile(path.join(dataDir, "displays.json"), fileSchema, { displays: [] }, "displays");
  }

  async list(): Promise<Display[]> {
    return (await this.load()).map(toPublic);
  }

  async find(id: string): Promise<Display | undefined> {
    return (await this.list()).find((d) => d.id === id);
  }

  /** The display a link's token opens; undefined for an unknown or revoked one. */
  async byToken(token: string): Promise<Display | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const wanted = hash(token);
    const found = (await this.load()).find((d) => d.tokenHash === wanted);
    return found && toPublic(found);
  }

  /** A new display and its token; the token is returned this once. */
  async create(input: { name: string; settings: string; createdBy: string }): Promise<{ display: Display; token: string }> {
    const token = randomBytes(32).toString("base64url");
    const display = storedDisplaySchema.parse({
      id: randomBytes(8).toString("hex"),
      name: input.name.trim(),
      tokenHash: hash(token),
      settings: input.settings,
      createdAt: new Date().toISOString(),
      createdBy: input.createdBy,
    });
    await this.save([...(await this.load()), display]);
    return { display: toPublic(display), token };
  }

  async revoke(id: string): Promise<boolean> {
    const displays = await this.load();
    const kept = displays.filter((d) => d.id !== id);
    if (kept.length === displays.length) return false;
    await this.save(kept);
    return true;
  }

  private async load(): Promise<StoredDisplay[]> {
    return (await this.store.read()).displays;
  }

  private async save(displays: StoredDisplay[]): Promise<void> {
    await this.store.write({ displays });
  }
}
