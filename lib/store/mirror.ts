/**
 * A small table kept in memory by a server: read again every `intervalMs` (another instance or
 * `npm run user` may have changed it), so the checks made on every request cost no query. While
 * the store is unreachable the last copy serves, and the next successful read catches up.
 */
export class Mirror<T> {
  private value?: T;
  private timer?: NodeJS.Timeout;
  private loading?: Promise<T>;
  private loadedAt = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly onChange: (before: T, after: T) => void = () => undefined,
  ) {}

  async start(intervalMs = 1_000): Promise<void> {
    this.value = await this.load();
    this.loadedAt = Date.now();
    this.timer = setInterval(() => void this.reload().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  get started(): boolean {
    return this.timer !== undefined;
  }

  /** The copy in memory; undefined before `start`. */
  current(): T | undefined {
    return this.value;
  }

  /**
   * Reads now rather than at the next interval (a user just added signs in at once), at most once
   * per 200 ms however many ask, so a flood of unknown names is not a flood of queries; `force`
   * after this process's own write.
   */
  refresh(force = false): Promise<T> {
    // A read already under way may have started before the write: wait for it, then read again.
    if (force) return (this.loading ?? Promise.resolve()).catch(() => undefined).then(() => this.reload());
    if (!force && this.value !== undefined && Date.now() - this.loadedAt < 200) return Promise.resolve(this.value);
    return this.reload().catch(() => this.value as T);
  }

  private reload(): Promise<T> {
    this.loading ??= this.load()
      .then((after) => {
        const before = this.value;
        this.value = after;
        this.loadedAt = Date.now();
        if (before !== undefined) this.onChange(before, after);
        return after;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
