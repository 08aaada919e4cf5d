/**
 * A small table kept in memory by a server: read again every `intervalMs` (another instance or
 * `npm run user` may have changed it), so the checks made on every request cost no query. While
 * the store is unreachable the last copy serves, and the next successful read catches up.
 */
export class Mirror<T> {
  private value?: T;
  private timer?: NodeJS.Timeout;
  private loading?: Promise<T>;
  private asked?: Promise<T>;
  private askedAt = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly onChange: (before: T, after: T) => void = () => undefined,
  ) {}

  async start(intervalMs = 1_000): Promise<void> {
    this.value = await this.load();
    this.timer = setInterval(() => void this.reload().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The copy in memory; undefined before `start`. */
  current(): T | undefined {
    return this.value;
  }

  /**
   * Reads now rather than at the next interval (a user just added signs in at once). Reads asked
   * for within 200 ms of each other share one, so a flood of unknown names is not a flood of
   * queries; `force` after this process's own write. While the store is down the last copy serves;
   * with none yet, the caller hears why.
   */
  refresh(force = false): Promise<T> {
    if (!force && this.asked && Date.now() - this.askedAt < 200) return this.asked;
    this.askedAt = Date.now();
    // A read already under way (the interval's) may have begun before the change asked about: wait for it, then read again.
    this.asked = (this.loading ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.reload())
      .catch((error: unknown) => {
        if (this.value === undefined) throw error;
        return this.value;
      });
    return this.asked;
  }

  private reload(): Promise<T> {
    this.loading ??= this.load()
      .then((after) => {
        const before = this.value;
        this.value = after;
        if (before !== undefined) this.onChange(before, after);
        return after;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
