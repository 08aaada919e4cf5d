import PQueue from "p-queue";
import type { Viewer } from "@/lib/auth/viewer";
import { SharedAnswers } from "@/lib/cache/shared-answers";
import type { Meeting } from "@/lib/domain/meeting";
import type { LiveMeeting, Participant } from "@/lib/domain/participant";
import type { PresentPeopleResponse, PresentPerson } from "@/lib/domain/present-person";
import type { HuaweiClient } from "@/lib/huawei/client";
import type { OnlineAttendee } from "@/lib/huawei/schemas";
import type { MeetingsService } from "@/lib/meetings/meetings-service";
import { callerFor, scopeKey } from "@/lib/meetings/viewer-scope";
import { personMatcher } from "./person-match";

export interface PresentPeopleOptions {
  /** At most this many meetings' attendee lists are asked of Huawei for one search, the biggest first. */
  maxLists: number;
  /** How long an attendee list is kept for the next search (typing a name asks again and again). */
  ttlMs: number;
  /** Lists asked at once. */
  concurrency: number;
}

/** A meeting's people as a watcher of this process has them, and whether it knows their flags (`full`) or only who is there (`presence`). */
export interface LivePeopleNow {
  participants: Participant[];
  coverage: LiveMeeting["coverage"];
}

/** A meeting's people as the live state has them, when this process watches it: null otherwise. */
export type LivePeople = (conferenceID: string) => LivePeopleNow | null;

/**
 * "Which meeting is Bob in?": everyone present in the ongoing meetings a viewer may see, matched
 * by name, pinyin, number or account. Meetings this process watches are read from their live
 * state, at no cost upstream; the others from Huawei's online attendee list (no host password
 * needed), kept a little while and asked in the viewer's lane of the upstream budget.
 */
export class PresentPeople {
  private readonly lists: SharedAnswers<OnlineAttendee[]>;
  private livePeople: LivePeople = () => null;

  constructor(
    private readonly huawei: HuaweiClient,
    private readonly meetings: MeetingsService,
    private readonly opts: PresentPeopleOptions,
  ) {
    this.lists = new SharedAnswers({ max: 2_000, ttlMs: opts.ttlMs });
  }

  /** Set once the relay runs: its watchers' live state. */
  readFromLiveState(livePeople: LivePeople): void {
    this.livePeople = livePeople;
  }

  async search(viewer: Viewer, q: string, limit = 200): Promise<PresentPeopleResponse> {
    const { value: ongoing } = await this.meetings.ongoing(viewer, "");
    const matches = personMatcher(q);
    const found: PresentPerson[] = [];
    const unwatched: Meeting[] = [];
    for (const m of ongoing) {
      const live = this.livePeople(m.conferenceID);
      if (!live) unwatched.push(m);
      else for (const p of live.participants) if (matches(p)) found.push(fromLive(m, p, live.coverage));
    }
    const asked = unwatched.sort((a, b) => (b.participantCount ?? 0) - (a.participantCount ?? 0)).slice(0, this.opts.maxLists);
    const queue = new PQueue({ concurrency: this.opts.concurrency });
    const answered = await Promise.all(
      asked.map((m) =>
        queue.add(async () => {
          const list = await this.lists.get(`${scopeKey(viewer)}|${m.conferenceID}`, () => this.huawei.onlineAttendees(callerFor(viewer), m.conferenceID)).catch(() => null);
          for (const person of (list ?? []).map((a) => fromList(m, a))) if (matches(person)) found.push(person);
          return list !== null;
        }),
      ),
    );
    found.sort((a, b) => a.name.localeCompare(b.name) || a.subject.localeCompare(b.subject));
    return {
      q,
      items: found.slice(0, limit),
      meetings: ongoing.length,
      searched: ongoing.length - unwatched.length + answered.filter(Boolean).length,
      fetchedAt: new Date().toISOString(),
    };
  }
}

/** A watcher without the host password lists people from Huawei's attendee list, as a search would: so it says, without flags. */
function fromLive(m: Meeting, p: Participant, coverage: LiveMeeting["coverage"]): PresentPerson {
  const full = coverage === "full";
  return { conferenceID: m.conferenceID, subject: m.subject, name: p.name, number: p.number, account: p.account, role: p.role, source: full ? "live" : "attendee-list", muted: full ? p.muted : null, handRaised: full ? p.handRaised : null };
}

function fromList(m: Meeting, a: OnlineAttendee): PresentPerson {
  return {
    conferenceID: m.conferenceID,
    subject: m.subject,
    name: a.name?.trim() || a.call_number || a.participant_id || "",
    number: a.call_number || null,
    account: a.account || a.third_account || null,
    role: a.role === 1 ? "host" : "participant",
    source: "attendee-list",
    muted: null,
    handRaised: null,
  };
}
