import { LRUCache } from "lru-cache";
import type { Viewer } from "@/lib/auth/session";
import { clearChairPassword, toAttendee, toMeeting, type Attendee, type Meeting, type MeetingDetailResponse } from "@/lib/domain/meeting";
import type { HuaweiClient } from "@/lib/huawei/client";
import type { HostPasswords } from "@/lib/live/host-passwords";
import { callerFor, scopeKey } from "./viewer-scope";

export interface Snapshot<T> {
  value: T;
  fetchedAt: string;
}

interface Detail {
  meeting: Meeting;
  attendees: Attendee[];
  /** The caller's own role in the meeting by confDetail (`chair` for its host), or null. */
  callerRole: string | null;
}

/** Who may give the dashboard a meeting's host password: an admin, or the meeting's host. */
export function mayEnterHostPassword(viewer: Viewer, callerRole: string | null): boolean {
  return viewer.role === "admin" || (viewer.role === "host" && callerRole === "chair");
}

/**
 * Ongoing meetings and meeting details, each fetched once per scope and short interval however
 * many browsers ask (lru-cache's fetch also merges concurrent misses into one upstream call).
 */
export class MeetingsService {
  private readonly lists: LRUCache<string, Snapshot<Meeting[]>, Viewer>;
  private readonly details: LRUCache<string, Snapshot<Detail>, Viewer>;

  constructor(
    private readonly huawei: HuaweiClient,
    private readonly hostPasswords: HostPasswords,
    ttlMs = 5_000,
  ) {
    this.lists = new LRUCache({
      max: 500,
      ttl: ttlMs,
      fetchMethod: async (key, _stale, { context }) => {
        const searchKey = key.slice(key.indexOf("|") + 1);
        const caller = callerFor(context);
        const [rows, own] = await Promise.all([
          this.huawei.listOnlineMeetings(caller, searchKey || undefined),
          context.role === "host" ? this.huawei.ownUserUUID(caller) : undefined,
        ]);
        // A host's list says which meetings are theirs: Huawei names each meeting's creator by user UUID.
        const mark = (m: Meeting): Meeting => (own ? { ...m, viewerHosts: m.hostUserUUID === own } : m);
        return { value: rows.map((c) => mark(toMeeting(c))), fetchedAt: new Date().toISOString() };
      },
    });
    this.details = new LRUCache({
      max: 500,
      ttl: ttlMs,
      fetchMethod: async (key, _stale, { context }) => {
        const conferenceID = key.slice(key.indexOf("|") + 1);
        const { conference, invitees } = await this.huawei.meetingDetail(callerFor(context), conferenceID);
        await this.keepHostsPassword(conferenceID, conference.role ?? null, clearChairPassword(conference));
        return {
          value: { meeting: toMeeting(conference), attendees: invitees.map(toAttendee), callerRole: conference.role ?? null },
          fetchedAt: new Date().toISOString(),
        };
      },
    });
  }

  /** Every ongoing meeting the viewer may see whose subject, host or ID matches `q`. */
  async ongoing(viewer: Viewer, q: string): Promise<Snapshot<Meeting[]>> {
    return (await this.lists.fetch(`${scopeKey(viewer)}|${q}`, { context: viewer }))!;
  }

  async detail(viewer: Viewer, conferenceID: string): Promise<Snapshot<Detail>> {
    return (await this.details.fetch(`${scopeKey(viewer)}|${conferenceID}`, { context: viewer }))!;
  }

  /**
   * The meeting page's data. confDetail does not count who is present; only the ongoing list
   * does, so its figure (and its age) comes along for when no live data is at hand.
   */
  async detailView(viewer: Viewer, conferenceID: string): Promise<MeetingDetailResponse> {
    const [{ value, fetchedAt }, list] = await Promise.all([this.detail(viewer, conferenceID), this.ongoing(viewer, "").catch(() => undefined)]);
    const listed = list?.value.find((m) => m.conferenceID === conferenceID);
    return {
      meeting: value.meeting,
      attendees: value.attendees,
      fetchedAt,
      listedPresent: listed?.participantCount != null && list ? { count: listed.participantCount, fetchedAt: list.fetchedAt } : null,
      mayEnterHostPassword: mayEnterHostPassword(viewer, value.callerRole),
    };
  }

  /** A host's own confDetail carries the chair password in clear: the live watcher may use it. */
  private async keepHostsPassword(conferenceID: string, callerRole: string | null, password: string | undefined): Promise<void> {
    if (callerRole !== "chair" || !password) return;
    if ((await this.hostPasswords.get(conferenceID)) !== password) await this.hostPasswords.set(conferenceID, password);
  }
}
