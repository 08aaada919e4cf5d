import PQueue from "p-queue";

interface Job {
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The upstream rate budget, shared fairly: every caller (a lane: one dashboard user, or a
 * background watcher) waits in a queue of its own, and the queues take turns. One user asking
 * for 2,000 things at once waits behind their own requests, not in front of everybody else's.
 * The rate limiter is handed at most one waiting call at a time, so the turns decide the order.
 */
export class FairBudget {
  private readonly limiter: PQueue;
  /** Lanes with calls waiting, in turn order (a lane that was served moves to the back). */
  private readonly lanes = new Map<string, Job[]>();

  constructor(requestsPerSecond: number) {
    this.limiter = new PQueue({ intervalCap: requestsPerSecond, interval: 1000 });
    this.limiter.on("active", () => this.pump());
  }

  run<T>(lane: string, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { run: fn, resolve: resolve as (value: unknown) => void, reject };
      const queue = this.lanes.get(lane);
      if (queue) queue.push(job);
      else this.lanes.set(lane, [job]);
      this.pump();
    });
  }

  /** Calls waiting, all lanes together (and how many lanes), for the metrics. */
  get waiting(): { calls: number; lanes: number } {
    let calls = this.limiter.size;
    for (const queue of this.lanes.values()) calls += queue.length;
    return { calls, lanes: this.lanes.size };
  }

  private pump(): void {
    while (this.limiter.size === 0 && this.lanes.size > 0) {
      const [lane, queue] = this.lanes.entries().next().value as [string, Job[]];
      const job = queue.shift()!;
      this.lanes.delete(lane);
      if (queue.length) this.lanes.set(lane, queue);
      this.limiter.add(job.run).then(job.resolve, job.reject);
    }
  }
}
