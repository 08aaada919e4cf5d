import { randomBytes } from "node:crypto";
import { signEvent } from "@/lib/huawei/event-push";
import type { SimMeeting } from "./types";
import type { World } from "./world";

export interface EventPushConfig {
  url: string;
  appID: string;
  key: string;
  /** Multiplies the waits between retries (tests shorten Huawei's schedule; 1 is as Huawei does). */
  retryScale?: number;
}

/** Waits between attempts at one delivery (inferred: Huawei documents retries for 24 hours, not their spacing). */
export const RETRY_DELAYS_MS = [10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 28_800_000];

interface Delivery {
  event: string;
  confUUID: string | null;
  body: string;
  attempts: number;
  delivered: boolean;
  lastStatus: number | null;
}

/**
 * Huawei's enterprise meeting-event push, as the simulator sends it: on enabling, a
 * `meeting.verify` whose nonce must come back; then `meeting.started` and `meeting.end` for every
 * meeting of the enterprise, signed with the subscription's key, each retried until answered 200.
 */
export class SimEventPush {
  private config: EventPushConfig | null = null;
  private verified = false;
  private readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly world: World) {
    world.on("meetingStarted", (m: SimMeeting) => this.push("meeting.started", m));
    world.on("meetingEnded", (m: SimMeeting) => this.push("meeting.end", m));
  }

  /** Enables the push to `config.url`: verified first, as Huawei's console does when the switch is turned on. */
  async enable(config: EventPushConfig): Promise<{ verified: boolean; answer: unknown }> {
    this.config = config;
    this.verified = false;
    const nonce = randomBytes(16).toString("hex");
    const { status, body } = await this.post(this.envelope("meeting.verify", null, nonce)).catch(() => ({ status: 0, body: null as unknown }));
    const answer = body as { event?: string; nonce?: string } | null;
    this.verified = status === 200 && answer?.event === "meeting.verify" && answer.nonce === nonce;
    return { verified: this.verified, answer };
  }

  disable(): void {
    this.config = null;
    this.verified = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  state() {
    return {
      enabled: this.config !== null,
      verified: this.verified,
      deliveries: this.deliveries.map(({ event, confUUID, attempts, delivered, lastStatus }) => ({ event, confUUID, attempts, delivered, lastStatus })),
    };
  }

  close(): void {
    this.disable();
  }

  private push(event: string, meeting: SimMeeting): void {
    if (!this.config || !this.verified) return;
    const delivery: Delivery = { event, confUUID: meeting.confUUID, body: this.envelope(event, meeting, randomBytes(16).toString("hex")), attempts: 0, delivered: false, lastStatus: null };
    this.deliveries.push(delivery);
    if (this.deliveries.length > 1000) this.deliveries.shift();
    void this.attempt(delivery);
  }

  private async attempt(delivery: Delivery): Promise<void> {
    if (!this.config) return;
    delivery.attempts++;
    const { status } = await this.post(delivery.body).catch(() => ({ status: 0 }));
    delivery.lastStatus = status;
    if (status === 200) {
      delivery.delivered = true;
      return;
    }
    const wait = RETRY_DELAYS_MS[delivery.attempts - 1];
    if (wait === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery);
    }, wait * (this.config.retryScale ?? 1));
    timer.unref();
    this.timers.add(timer);
  }

  /** The body exactly as signed: eventInfo's JSON text is the text in the body. */
  private envelope(event: string, meeting: SimMeeting | null, nonce: string): string {
    const { appID, key } = this.config!;
    const timestamp = Date.now();
    const info = JSON.stringify({
      event,
      timestamp,
      payload: meeting ? { meetingInfo: { meetingID: meeting.conferenceID, meetingUUID: meeting.confUUID, meetingCycleSubID: "" } } : {},
    });
    const signature = signEvent(key, appID, timestamp, nonce, info);
    return `{"appID":${JSON.stringify(appID)},"timestamp":${timestamp},"nonce":"${nonce}","signature":"${signature}","eventInfo":${info}}`;
  }

  private async post(body: string): Promise<{ status: number; body: unknown }> {
    const res = await fetch(this.config!.url, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(5_000) });
    return { status: res.status, body: await res.json().catch(() => null) };
  }
}
