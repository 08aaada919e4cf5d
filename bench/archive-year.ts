import { archiveRows, type CollectedMeeting } from "@/lib/archive/collect-meeting";
import type { AttendeeRecord, ConferenceInfo, ParticipantInfo } from "@/lib/huawei/schemas";
import { Random } from "@/server/simulator/random";

const DAY = 86_400_000;
const MINUTE = 60_000;
const DEPARTMENTS = Array.from({ length: 24 }, (_, i) => (i % 2 ? `Department ${i}` : `部门 ${i}`));
const DEVICES: [string, string][] = [["软终端", "Soft client"], ["移动终端", "Mobile client"], ["Web终端", "Web client"], ["硬终端", "Hard terminal"]];

interface Person {
  name: string;
  number: string;
  account: string;
  uuid: string;
  dept: string;
}

/** A series: one meeting ID held every week with the same people. */
interface Plan {
  conferenceID: string;
  subject: string;
  host: Person;
  people: Person[];
  weekday: number;
}

export interface YearShape {
  people: number;
  meetings: number;
  series: number;
}

/**
 * A generated year of a 5,000-person enterprise as the collector would store it: about 100,000
 * meetings (some 200 weekly series among them), 2 to 300 people each, about 30 join records a
 * meeting on average, with rejoins and late joiners. Rows are made by the collector's own
 * archiveRows, so counted times and access keys are as in production.
 */
export function* generateYear(shape: YearShape, now: number, seed = 2026): Generator<CollectedMeeting> {
  const rng = new Random(seed);
  const people: Person[] = Array.from({ length: shape.people }, (_, i) => ({
    name: i % 3 ? `Person ${i}` : `员工${i}`,
    number: `+99111${String(1_000_000 + i)}`,
    account: `user${i}`,
    uuid: rng.hex(32),
    dept: DEPARTMENTS[i % DEPARTMENTS.length]!,
  }));
  const plans: Plan[] = Array.from({ length: shape.series }, (_, i) => ({
    conferenceID: String(900_000_000 + i),
    subject: `Weekly series ${i}`,
    host: rng.pick(people),
    people: Array.from({ length: rng.int(8, 60) }, () => rng.pick(people)),
    weekday: i % 5,
  }));
  const start = now - 365 * DAY;
  const perDay = Math.round((shape.meetings - shape.series * 52) / 365);
  let id = 0;
  for (let day = 0; day < 365; day++) {
    const dayStart = start + day * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    for (const plan of plans) if (plan.weekday === weekday - 1) yield meeting(rng, plan.conferenceID, plan.subject, plan.host, plan.people, dayStart + 2 * 3_600_000, 60, now);
    for (let i = 0; i < perDay; i++) {
      const size = rng.chance(0.03) ? rng.int(100, 300) : rng.int(2, 40);
      const invited = Array.from({ length: size }, () => rng.pick(people));
      yield meeting(rng, String(100_000_000 + id++), `Meeting ${id}`, rng.pick(people), invited, dayStart + rng.int(0, 20 * 60) * MINUTE, rng.int(15, 120), now);
    }
  }
}

function meeting(rng: Random, conferenceID: string, subject: string, host: Person, invited: Person[], startedAt: number, minutes: number, now: number): CollectedMeeting {
  const confUUID = rng.hex(32);
  const end = startedAt + minutes * MINUTE;
  const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
  const conference: ConferenceInfo = { conferenceID, confUUID, subject, startTime: fmt(startedAt), endTime: fmt(end), scheduserName: host.name, userUUID: host.uuid, deptName: host.dept, size: invited.length, timeZoneID: "56", mediaTypes: "Voice,Video,Data" };
  const invitees: ParticipantInfo[] = invited.map((p) => ({ participantID: p.number, name: p.name, accountId: p.account, userUUID: p.uuid, deptName: p.dept }));
  const zh: AttendeeRecord[] = [];
  const en: AttendeeRecord[] = [];
  for (const p of [host, ...invited]) {
    if (!rng.chance(0.85)) continue;
    const join = startedAt + (rng.chance(0.2) ? rng.int(0, (minutes * MINUTE) / 2) : rng.int(0, 2 * MINUTE));
    const left = rng.chance(0.15) ? rng.int(join + 1, end) : end;
    const sessions = rng.chance(0.12) && left - join > 4 * MINUTE ? [[join, join + (left - join) / 3], [join + (left - join) / 3 + MINUTE, left]] : [[join, left]];
    const [deviceZh, deviceEn] = rng.pick(DEVICES);
    for (const [joinTime, leftTime] of sessions) {
      const base = { displayName: p.name, callNumber: p.number, joinTime: Math.round(joinTime!), leftTime: Math.round(leftTime!), deptName: p.dept };
      zh.push({ ...base, deviceType: deviceZh, mediaType: "视频" });
      en.push({ ...base, deviceType: deviceEn, mediaType: "Video" });
    }
  }
  return archiveRows(confUUID, conference, invitees, zh, en, now, 15 * MINUTE);
}
