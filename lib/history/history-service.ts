import { archivedAttendance } from "@/lib/archive/archived-attendance";
import { accessKey } from "@/lib/archive/collect-meeting";
import { SharedAnswers } from "@/lib/cache/shared-answers";
import type { Viewer } from "@/lib/auth/viewer";
import { buildAttendance, type AttendanceResponse } from "@/lib/domain/attendance";
import { toAttendee, toPastMeeting, type Meeting } from "@/lib/domain/meeting";
import type { MeetingHealth } from "@/lib/domain/quality";
import type { HuaweiClient } from "@/lib/huawei/client";
import { NOT_FOUND_CODES } from "@/lib/huawei/error-codes";
import { HuaweiApiError, HuaweiError } from "@/lib/huawei/errors";
import { conferenceInfoSchema } from "@/lib/huawei/schemas";
import type { AccessKeys, ArchiveTable } from "@/lib/store/archive-table";
import type { ArchivedMeetingRow } from "@/lib/store/schema";
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
  private readonly lists = new SharedAnswers<Meeting[]>({ max: 200, ttlMs: 60_000 });
  private readonly attendances = new SharedAnswers<AttendanceResponse>({ max: 200, ttlMs: 3_600_000 });

  constructor(
    private readonly huawei: HuaweiClient,
    private readonly archive: ArchiveTable,
    /** Ended meetings' alarms from Huawei (three months back); none where quality is off. */
    private readonly pastHealth?: (from: number, to: number) => Promise<Map<string, MeetingHealth>>,
  ) {}

  cacheSizes(): Record<string, number> {
    return { "history-lists": this.lists.size.settled + this.lists.size.inFlight, attendances: this.attendances.size.settled + this.attendances.size.inFlight };
  }

  async list(viewer: Viewer, range: HistoryRange): Promise<Meeting[]> {
    const key = `${scopeKey(viewer)}|${range.from}|${range.to}|${range.q}`;
    return this.lists.get(key, async () => {
      // Huawei holds a year at most: it is asked for the range's last 366 days, the archive for all of it.
      const huaweiFrom = Math.max(range.from, range.to - HUAWEI_HISTORY_MS);
      const [upstream, archived] = await Promise.allSettled([
        this.huawei.listHistory(callerFor(viewer), { startDate: huaweiFrom, endDate: range.to }, range.q || undefined),
        archiveAccess(this.huawei, viewer).then((access) => this.archive.search(range, range.q, access, ARCHIVE_SEARCH_LIMIT)),
      ]);
      if (upstream.status === "rejected" && (archived.status === "rejected" || !huaweiLacksIt(upstream.reason))) throw upstream.reason;
      const byId = new Map<string, Meeting>();
      if (archived.status === "fulfilled") for (const row of archived.value) byId.set(row.confUuid, archivedMeeting(row));
      if (upstream.status === "fulfilled") for (const c of upstream.value) byId.set(c.confUUID ?? c.conferenceID, toPastMeeting(c));
      // Health as kept in the archive (counted per person, as long as the attendance), else Huawei's alarms of the last three months.
      const [kept, recent] = await Promise.all([
        this.archive.healthOf([...byId.keys()]).catch(() => new Map<string, MeetingHealth>()),
        this.pastHealth?.(range.from, range.to) ?? new Map<string, MeetingHealth>(),
      ]);
      return [...byId]
        .map(([id, m]) => ({ ...m, health: kept.get(id) ?? recent.get(id) ?? null }))
        .sort((a, b) => (b.startTime ?? "").localeCompare(a.startTime ?? ""));
    });
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
    return this.attendances.get(`${scopeKey(viewer)}|${confUUID}|${language}`, async () => {
      const caller = callerFor(viewer);
      try {
        const [{ conference, invitees }, records] = await Promise.all([this.huawei.pastMeeting(caller, confUUID), this.huawei.attendeeRecords(caller, confUUID, language)]);
        return { ...buildAttendance(confUUID, toPastMeeting(conference), records, invitees.map(toAttendee)), source: "huawei" as const };
      } catch (error) {
        if (!huaweiLacksIt(error)) throw error;
        const archived = await this.archive.meeting(confUUID, await archiveAccess(this.huawei, viewer)).catch(() => undefined);
        if (!archived) throw error;
        return archivedAttendance(archived.meeting, archived.records, language);
      }
    });
  }
}

const HUAWEI_HISTORY_MS = 366 * 86_400_000;
/** Archived meetings one history search returns at most. */
const ARCHIVE_SEARCH_LIMIT = 5_000;

function archivedMeeting(row: ArchivedMeetingRow): Meeting {
  return toPastMeeting(conferenceInfoSchema.parse(JSON.parse(row.conference)));
}

/** Huawei no longer has the meeting (its retention ran out), or cannot answer now. */
function huaweiLacksIt(error: unknown): boolean {
  if (error instanceof HuaweiApiError) return NOT_FOUND_CODES.has(error.code) || error.status === 404 || error.retryable;
  return error instanceof HuaweiError && (error.kind === "timeout" || error.kind === "network");
}

/**
 * What a viewer may see of the archive: admins all; a host the meetings their Huawei user
 * scheduled or was invited to (by account, and by user UUID where Huawei can tell it now).
 */
export async function archiveAccess(huawei: HuaweiClient, viewer: Viewer): Promise<AccessKeys> {
  if (viewer.role !== "host") return null;
  if (!viewer.huaweiUserId) return [];
  const uuid = await huawei.ownUserUUID(callerFor(viewer)).catch(() => undefined);
  return [accessKey.account(viewer.huaweiUserId), ...(uuid ? [accessKey.uuid(uuid)] : [])];
}
