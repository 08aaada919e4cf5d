import { LRUCache } from "lru-cache";

/** When the dashboard first saw a hand up, and whether it was already up when watching began. */
export interface HandUp {
  at: number;
  before: boolean;
}

/**
 * When each raised hand was first seen, kept for the process beyond any one watcher. Huawei gives
 * no time for a raised hand, so a watcher that stops (the last viewer left) and starts again
 * would otherwise restart every waiting hand's clock, and with it the "hand waiting" alarm.
 */
export class HandMemory {
  private readonly hands = new LRUCache<string, HandUp>({ max: 50_000, ttl: 12 * 3_600_000 });

  get(conferenceID: string, pid: string): HandUp | undefined {
    return this.hands.get(`${conferenceID}\n${pid}`);
  }

  set(conferenceID: string, pid: string, hand: HandUp): void {
    this.hands.set(`${conferenceID}\n${pid}`, hand);
  }

  /** The hand went down or its owner left: the next raise is a new one. */
  delete(conferenceID: string, pid: string): void {
    this.hands.delete(`${conferenceID}\n${pid}`);
  }
}
