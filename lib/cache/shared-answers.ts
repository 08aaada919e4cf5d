import { LRUCache } from "lru-cache";

export interface SharedAnswersOptions {
  /** Settled answers kept at most (least recently used go first); requests in flight are not counted. */
  max: number;
  ttlMs: number;
  /** Failures worth remembering for a while (a meeting that does not exist), so asking again costs nothing upstream. */
  negative?: { ttlMs: number; matches: (error: unknown) => boolean };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Answers shared by everyone who asks the same question within a short time: concurrent askers
 * wait on one upstream call, and later ones get the kept answer. A request in flight lives apart
 * from the bounded cache, so no number of other questions can evict it and leave its askers
 * without an answer.
 */
export class SharedAnswers<T> {
  private readonly settled: LRUCache<string, Settled<T>>;
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(private readonly opts: SharedAnswersOptions) {
    this.settled = new LRUCache({ max: opts.max, ttl: opts.ttlMs });
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const kept = this.settled.get(key);
    if (kept) return kept.ok ? Promise.resolve(kept.value) : Promise.reject(kept.error);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const started = load().then(
      (value) => {
        this.settled.set(key, { ok: true, value });
        return value;
      },
      (error: unknown) => {
        if (this.opts.negative?.matches(error)) this.settled.set(key, { ok: false, error }, { ttl: this.opts.negative.ttlMs });
        throw error;
      },
    );
    const tracked = started.finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, tracked);
    return tracked;
  }

  /** Forgets every kept answer (the next ask goes upstream); requests in flight carry on. */
  clear(): void {
    this.settled.clear();
  }

  /** Answers kept and requests in flight, for the metrics. */
  get size(): { settled: number; inFlight: number } {
    return { settled: this.settled.size, inFlight: this.inFlight.size };
  }
}
