import { SharedAnswers } from "@/lib/cache/shared-answers";
import type { Viewer } from "@/lib/auth/viewer";
import { clearChairPassword, toAttendee, toMeeting, type Attendee, type Meeting, type MeetingDetailResponse } from "@/lib/domain/meeting";
import type { HuaweiClient } from "@/lib/huawei/client";
import { NOT_FOUND_CODES } from "@/lib/huawei/error-codes";
import type { HostPasswords } from "@/lib/live/host-passwords";
import type { MeetingHealthService } from "@/lib/quality/meeting-health";
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
 * many browsers ask (concurrent misses share one upstream call).
 */
export class MeetingsService {
  private readonly lists: SharedAnswers<Snapshot<Meeting[]>>;
  private readonly details: SharedAnswers<Snapshot<Detail>>;
  private readonly listChangeListeners = new Set<() => void>();

  constructor(
    private readonly huawei: HuaweiClient,
    private readonly hostPasswords: HostPasswords,
    ttlMs = 5_000,
    /** Each listed meeting's health by Huawei's quality alarms. */
    private readonly health?: Pick<MeetingHealthService, "of">,
  ) {
    this.lists = new SharedAnswers({ max: 500, ttlMs });
    // An unknown meeting ID is remembered for a while: asking about it again costs Huawei nothing.
    this.details = new SharedAnswers({ max: 500, ttlMs, negative: { ttlMs: Math.max(ttlMs, 30_000), matches: isNotFound } });
  }

  /** Someone who polls the ongoing list, told when it changed without waiting for the poll (Huawei's event push). */
  onListsChanged(listener: () => void): () => void {
    this.listChangeListeners.add(listener);
    return () => this.listChangeListeners.delete(listener);
  }

  /** A meeting started or ended (Huawei said so): forget the kept lists and tell those who poll them. */
  listsChanged(): void {
    this.lists.clear();
    for (const listener of this.listChangeListeners) listener();
  }

  cacheSizes(): Record<string, number> {
    return { "ongoing-lists": this.lists.size.settled + this.lists.size.inFlight, "meeting-details": this.details.size.settled + this.details.size.inFlight };
  }

  /** Every ongoing meeting the viewer may see whose subject, host or ID matches `q`. */
  async ongoing(viewer: Viewer, q: string): Promise<Snapshot<Meeting[]>> {
    return this.lists.get(`${scopeKey(viewer)}|${q}`, async () => {
      const caller = callerFor(viewer);
      const [rows, own] = await Promise.all([
        this.huawei.listOnlineMeetings(caller, q || undefined),
        viewer.role === "host" ? this.huawei.ownUserUUID(caller) : undefined,
      ]);
      // A host's list says which meetings are theirs: Huawei names each meeting's creator by user UUID.
      const mark = (m: Meeting): Meeting => (own ? { ...m, viewerHosts: m.hostUserUUID === own } : m);
      const withHealth = (m: Meeting): Meeting => ({ ...m, health: this.health?.of(m.conferenceID) ?? null });
      return { value: rows.map((c) => withHealth(mark(toMeeting(c)))), fetchedAt: new Date().toISOString() };
    });
  }

  async detail(viewer: Viewer, conferenceID: string): Promise<Snapshot<Detail>> {
    return this.details.get(`${scopeKey(viewer)}|${conferenceID}`, async () => {
      const { conference, invitees } = await this.huawei.meetingDetail(callerFor(viewer), conferenceID);
      await this.keepHostsPassword(conferenceID, conference.role ?? null, clearChairPassword(conference));
      return {
        value: { meeting: toMeeting(conference), attendees: invitees.map(toAttendee), callerRole: conference.role ?? null },
        fetchedAt: new Date().toISOString(),
      };
    });
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

const isNotFound = (error: unknown) => NOT_FOUND_CODES.has((error as { code?: string })?.code ?? "");
