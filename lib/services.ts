import type { AlertsService } from "@/lib/alerts/alerts-service";
import type { DisplaySeen } from "@/lib/auth/display-seen";
import type { DisplayStore } from "@/lib/auth/displays";
import type { LoginThrottle } from "@/lib/auth/login-throttle";
import type { RevokedSessions } from "@/lib/auth/revoked-sessions";
import type { UserStore } from "@/lib/auth/users";
import type { ArchiveCollector } from "@/lib/archive/archive-collector";
import type { HuaweiEvents } from "@/lib/archive/huawei-events";
import type { ReportsService } from "@/lib/reports/reports-service";
import type { HistoryService } from "@/lib/history/history-service";
import type { HuaweiClient } from "@/lib/huawei/client";
import type { HostPasswords } from "@/lib/live/host-passwords";
import type { HostPasswordService } from "@/lib/meetings/host-password-service";
import type { MeetingsService } from "@/lib/meetings/meetings-service";
import type { PresentPeople } from "@/lib/people/present-people";
import type { ReplayService } from "@/lib/replay/replay-service";
import type { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import type { MeetingHealthService } from "@/lib/quality/meeting-health";
import type { ParticipantSeries } from "@/lib/quality/participant-series";
import type { MeetingTopicData } from "@/lib/domain/participant";
import type { Store } from "@/lib/store/store";

/** The process-wide services: built once by the custom server, reached by route handlers too. */
export interface Services {
  /** The dashboard's own database (SQLite in DATA_DIR, or PostgreSQL). */
  store: Store;
  huawei: HuaweiClient;
  meetings: MeetingsService;
  /** Host passwords given for meetings whose password Huawei withholds from the dashboard's account. */
  hostPasswords: HostPasswords;
  hostPasswordEntry: HostPasswordService;
  /** Every ongoing meeting's health from Huawei's quality alarms, and whether quality can be had at all. */
  health: MeetingHealthService;
  /** Huawei's quality APIs (a person's series, the thresholds). */
  quality: HuaweiQualityApi;
  /** False with QUALITY=off: the dashboard asks Huawei for no quality data at all. */
  qualityOn: boolean;
  /** One person's quality series, asked on demand and kept a little while. */
  participantSeries: ParticipantSeries;
  /** Who is in which ongoing meeting, by name, pinyin, number or account. */
  presentPeople: PresentPeople;
  history: HistoryService;
  /** Copies every ended meeting into the store (one instance of the cluster at a time). */
  archive: ArchiveCollector;
  /** Series, people and department reports over the archive. */
  reports: ReportsService;
  /** Huawei's signed event push (POST /api/huawei/events). */
  huaweiEvents: HuaweiEvents;
  /** A meeting's replay from the relay's event log (or the archive's records). */
  replay: ReplayService;
  /** Alert channels, rules and alerts (the rules are evaluated and messages sent by server/alerts on one instance). */
  alerts: AlertsService;
  users: UserStore;
  loginThrottle: LoginThrottle;
  revokedSessions: RevokedSessions;
  displays: DisplayStore;
  displaySeen: DisplaySeen;
  /** A meeting's live state, from whichever instance watches it (set once the relay runs); null where nobody does. */
  liveMeeting: (conferenceID: string) => Promise<MeetingTopicData | null>;
  /** Disconnects, on every instance, the live sockets in a room of lib/live/socket-rooms (set once the relay runs). */
  disconnectRoom: (room: string) => void;
  /** Scale-out's shared state: `none` without REDIS_URL; `down` while Redis cannot be reached (the instance serves from what it knows). */
  redisStatus: () => "up" | "down" | "none";
  /** True when the data comes from the built-in simulator rather than Huawei. */
  simulated: boolean;
  /** Demo sign-ins shown on the sign-in page in simulator mode. */
  demoLogins: { username: string; password: string; role: string }[];
  startedAt: string;
  /** The build this process serves (Next's BUILD_ID); a wall reloads itself when it changes. */
  version: string;
}

// Next bundles route handlers separately from the server's own modules, so a module-level
// variable would exist twice; a well-known global symbol is shared by both.
const KEY = Symbol.for("meeting-monitor.services");
type Holder = { [KEY]?: Services };

export function registerServices(services: Services): void {
  (globalThis as Holder)[KEY] = services;
}

export function services(): Services {
  const s = (globalThis as Holder)[KEY];
  if (!s) throw new Error("Services are not started: run the dashboard with `npm start` or `npm run dev`");
  return s;
}
