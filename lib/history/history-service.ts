import { LRUCache } from "lru-cache";
import type { Viewer } from "@/lib/auth/session";
import { buildAttendance, type AttendanceResponse } from "@/lib/domain/attendance";
import { toAttendee, toPastMeeting, type Meeting } from "@/lib/domain/meeting";
import type { HuaweiClient } from "@/lib/huawei/client";
import type { HuaweiLanguage } from "@/lib/i18n/locales";
import { callerFor, scopeKey } from "@/lib/meetings/viewer-scope";

export interface HistoryRange {
  from: number;
  to: number;
  q: string;
}

/**
 * Past meetings and their attendance. A past meeting does not change, so its attendance is
 * kept for an hour; the list of a range is kept for a minute (meetings keep ending into it).
 */
export class HistoryService {
  private readonly lists: LRUCache<string, Meeting[], { viewer: Viewer; range: HistoryRange }>;
  private readonly attendances: LRUCache<string, AttendanceResponse, { viewer: Viewer; confUUID: string; language: HuaweiLanguage }>;

  constructor(private readonly huawei: HuaweiClient) {
    this.lists = new LRUCache({
      max: 200,
      ttl: 60_000,
      fetchMethod: async (_key, _stale, { context: { viewer, range } }) => {
        const rows = await this.huawei.listHistory(callerFor(viewer), { startDate: range.from, endDate: range.to }, range.q || undefined);
        return rows.map(toPastMeeting).sort((a, b) => (b.startTime ?? "").localeCompare(a.startTime ?? ""));
      },
    });
    this.attendances = new LRUCache({
      max: 200,
      ttl: 3_600_000,
      fetchMethod: async (_key, _stale, { context: { viewer, confUUID, language } }) => {
        const caller = callerFor(viewer);
        const [{ conference, invitees }, records] = await Promise.all([
          this.huawei.pastMeeting(caller, confUUID),
          this.huawei.attendeeRecords(caller, confUUID, language),
        ]);
        return buildAttendance(confUUID, toPastMeeting(conference), records, invitees.map(toAttendee));
      },
    });
  }

  async list(viewer: Viewer, range: HistoryRange): Promise<Meeting[]> {
    const key = `${scopeKey(viewer)}|${range.from}|${range.to}|${range.q}`;
    return (await this.lists.fetch(key, { context: { viewer, range } }))!;
  }

  /**
   * How many people attended each of these past meetings (null where Huawei could not say), from
   * the same cached attendance the meeting's own page uses: a past meeting does not change.
   */
  async attendedCounts(viewer: Viewer, confUUIDs: readonly string[]): Promise<Record<string, number | null>> {
    const counts = await Promise.all(confUUIDs.map((id) => this.attendance(viewer, id).then((a) => a.summary.people, () => null)));
    return Object.fromEntries(confUUIDs.map((id, i) => [id, counts[i]!]));
  }

  /** Kept per language: Huawei words the records' devices and media in the language asked for. */
  async attendance(viewer: Viewer, confUUID: string, language: HuaweiLanguage = "en-US"): Promise<AttendanceResponse> {
    return (await this.attendances.fetch(`${scopeKey(viewer)}|${confUUID}|${language}`, { context: { viewer, confUUID, language } }))!;
  }
}
