import { createHash, randomBytes } from "node:crypto";
import { DisplaysTable } from "@/lib/store/displays-table";
import { Mirror } from "@/lib/store/mirror";
import { displayRowSchema, type DisplayRow } from "@/lib/store/schema";
import type { Store } from "@/lib/store/store";

export type Display = Omit<DisplayRow, "tokenHash">;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const toPublic = (d: DisplayRow): Display => ({ id: d.id, name: d.name, settings: d.settings, createdAt: d.createdAt, createdBy: d.createdBy });

/**
 * Wall displays, in the store: a name, the wall settings its link opens, and the hash of its long
 * random token. Kept in memory and read again every second (another instance may have revoked
 * one), since every request and handshake of a wall looks its display up.
 */
export class DisplayStore {
  private readonly table: DisplaysTable;
  private readonly mirror: Mirror<DisplayRow[]>;

  constructor(store: Store) {
    this.table = new DisplaysTable(store);
    this.mirror = new Mirror(() => this.table.all());
  }

  watch(): Promise<void> {
    return this.mirror.start();
  }

  unwatch(): void {
    this.mirror.stop();
  }

  async list(): Promise<Display[]> {
    return (await this.rows()).map(toPublic);
  }

  async find(id: string): Promise<Display | undefined> {
    const found = (await this.rows()).find((d) => d.id === id);
    return found && toPublic(found);
  }

  /** The display a link's token opens; undefined for an unknown or revoked one. */
  async byToken(token: string): Promise<Display | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const wanted = hash(token);
    const found = (await this.rows()).find((d) => d.tokenHash === wanted) ?? (await this.mirror.refresh()).find((d) => d.tokenHash === wanted);
    return found && toPublic(found);
  }

  /** A new display and its token; the token is returned this once. */
  async create(input: { name: string; settings: string; createdBy: string }): Promise<{ display: Display; token: string }> {
    const token = randomBytes(32).toString("base64url");
    const display = displayRowSchema.parse({ id: randomBytes(8).toString("hex"), ...input, tokenHash: hash(token), createdAt: new Date().toISOString() });
    await this.table.insert(display);
    await this.mirror.refresh(true);
    return { display: toPublic(display), token };
  }

  async revoke(id: string): Promise<boolean> {
    const removed = await this.table.remove(id);
    await this.mirror.refresh(true);
    return removed;
  }

  private async rows(): Promise<DisplayRow[]> {
    return this.mirror.current() ?? this.table.all();
  }
}
