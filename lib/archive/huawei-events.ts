import { logger } from "@/lib/logger";
import { EVENT_MAX_AGE_MS, verifyEvent, type RefusedEvent } from "@/lib/huawei/event-push";
import { HuaweiEventsSeenTable } from "@/lib/store/huawei-events-seen-table";
import type { Store } from "@/lib/store/store";
import type { ArchiveCollector } from "./archive-collector";

export interface EventPushSettings {
  /** HUAWEI_EVENTS_KEY: the password of the subscription in Huawei's console. */
  key: string | null;
  /** HUAWEI_EVENTS_APP_ID: the subscriber ID; when set, events for another are refused. */
  appId: string | null;
}

export type EventAnswer = { status: 200; body: { event: string; nonce: string; duplicate?: true } } | RefusedEvent | { ok: false; status: 404; code: "event_push_off"; message: string };

const ENDED = new Set(["meeting.end", "meeting.conclude"]);
const LIST_CHANGES = new Set(["meeting.started", "meeting.end", "meeting.conclude", "meeting.cancel"]);

/**
 * Receives Huawei's event push: verifies each delivery, acts on it once (a repeat is
 * acknowledged and ignored, on any instance), and answers fast: a meeting that ended is queued
 * for the archive and the ongoing lists are read again, both without waiting here.
 */
export class HuaweiEvents {
  private readonly seen: HuaweiEventsSeenTable;
  private lastPurge = 0;

  constructor(
    store: Store,
    private readonly archive: ArchiveCollector,
    private readonly settings: EventPushSettings,
    private readonly onListChange: () => void,
  ) {
    this.seen = new HuaweiEventsSeenTable(store);
  }

  get enabled(): boolean {
    return this.settings.key !== null;
  }

  async receive(rawBody: string, now = Date.now()): Promise<EventAnswer> {
    if (!this.settings.key) return { ok: false, status: 404, code: "event_push_off", message: "Huawei's event push is not set up here (HUAWEI_EVENTS_KEY)." };
    const verified = verifyEvent(rawBody, this.settings.key, now, this.settings.appId ?? undefined);
    if (!verified.ok) {
      logger.warn({ code: verified.code }, "Huawei event refused");
      return verified;
    }
    const { info, nonce } = verified;
    const answer = { status: 200 as const, body: { event: info.event, nonce } };
    if (info.event === "meeting.verify") {
      logger.info({ appID: verified.appID }, "Huawei event push verified");
      return answer;
    }
    if (!(await this.seen.firstTime(verified.signature.toLowerCase(), now))) return { ...answer, body: { ...answer.body, duplicate: true } };
    const meeting = info.payload?.meetingInfo;
    logger.info({ event: info.event, conferenceID: meeting?.meetingID, confUUID: meeting?.meetingUUID }, "Huawei event");
    if (ENDED.has(info.event) && meeting?.meetingUUID) await this.archive.meetingEnded(meeting.meetingUUID);
    if (LIST_CHANGES.has(info.event)) this.onListChange();
    await this.purgeSeen(now);
    return answer;
  }

  private async purgeSeen(now: number): Promise<void> {
    if (now - this.lastPurge < 3_600_000) return;
    this.lastPurge = now;
    await this.seen.purgeBefore(now - EVENT_MAX_AGE_MS - 3_600_000).catch(() => undefined);
  }
}
