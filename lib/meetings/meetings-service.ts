import { LRUCache } from "lru-cache";
import type { Viewer } from "@/lib/auth/session";
import { toAttendee, toMeeting, type Attendee, type Meeting } from "@/lib/domain/meeting";
import type { HuaweiClient } from "@/lib/huawei/client";
import { callerFor, scopeKey } from "./viewer-scope";

export interface Snapshot<T> {
  value: T;
  fetchedAt: string;
}

/**
 * Ongoing meetings and meeting details, each fetched once per scope and short interval however
 * many browsers ask (lru-cache's fetch also merges concurrent misses into one upstream call).
 */
export class MeetingsService {
  private readonly lists: LRUCache<string, Snapshot<Meeting[]>, Viewer>;
  private readonly details: LRUCache<string, Snapshot<{ meeting: Meeting; attendees: Attendee[] }>, Viewer>;

  constructor(
    private readonly huawei: HuaweiClient,
    ttlMs = 5_000,
  ) {
    this.lists = new LRUCache({
      max: 500,
      ttl: ttlMs,
      fetchMethod: async (key, _stale, { context }) => {
        const searchKey = key.slice(key.indexOf("|") + 1);
        const rows = await this.huawei.listOnlineMeetings(callerFor(context), searchKey || undefined);
        return { value: rows.map(toMeeting), fetchedAt: new Date().toISOString() };
      },
    });
    this.details = new LRUCache({
      max: 500,
      ttl: ttlMs,
      fetchMethod: async (key, _stale, { context }) => {
        const conferenceID = key.slice(key.indexOf("|") + 1);
        const { conference, invitees } = await this.huawei.meetingDetail(callerFor(context), conferenceID);
        return {
          value: { meeting: toMeeting(conference), attendees: invitees.map(toAttendee) },
          fetchedAt: new Date().toISOString(),
        };
      },
    });
  }

  /** Every ongoing meeting the viewer may see whose subject, host or ID matches `q`. */
  async ongoing(viewer: Viewer, q: string): Promise<Snapshot<Meeting[]>> {
    return (await this.lists.fetch(`${scopeKey(viewer)}|${q}`, { context: viewer }))!;
  }

  async detail(viewer: Viewer, conferenceID: string) {
    return (await this.details.fetch(`${scopeKey(viewer)}|${conferenceID}`, { context: viewer }))!;
  }
}
