import { LRUCache } from "lru-cache";
import type { SimContext } from "./context";
import { userOfRequest } from "./auth-api";
import { badParam, epochMs, header, required, SimError, type RouteTable, type SimRequest } from "./http";
import { cpuSample, GOOD_MAX, IDLE_CPU_MAX, levelAt, mediaSample, profileOf, sampleTimes, type Direction, type QosMedia } from "./quality-model";
import type { ThresholdType } from "./quality-thresholds";
import type { SimMeeting, SimParticipant } from "./types";

/** History QoS reaches back about three months (quality reference §3). */
const HISTORY_QOS_MS = 90 * 24 * 3_600_000;
const TYPE_OF: Record<QosMedia, Exclude<ThresholdType, "CPU">> = { audio: "AUDIO", video: "VIDEO", screen: "SCREEN" };
const yes = (b: boolean) => (b ? "YES" : "NO");

/** §1.1 paging of the metrics lists: offset and limit clamped, an offset past the end answers the last page. */
function metricsPage<T>(rows: T[], q: URLSearchParams) {
  const limit = Math.min(500, Math.max(1, Number(q.get("limit") ?? 20) || 20));
  let offset = Math.max(0, Number(q.get("offset") ?? 0) || 0);
  if (offset >= rows.length && rows.length > 0) offset = Math.floor((rows.length - 1) / limit) * limit;
  return { count: rows.length, limit, offset, data: rows.slice(offset, offset + limit) };
}

/** A person of a meeting as the quality APIs see them: present now, or a closed session of an ended meeting. */
interface QosPerson {
  p: SimParticipant;
  leftAt: number;
  leftReason: 0 | 1;
}

function peopleOf(m: SimMeeting): QosPerson[] {
  if (m.endedAt === null) return [...m.participants.values()].map((p) => ({ p, leftAt: 0, leftReason: 0 }));
  return m.sessions.map((s, i) => {
    const p: SimParticipant = {
      pid: s.pid ?? `h${m.confUUID.slice(0, 15)}${String(i).padStart(16, "0")}`,
      name: s.displayName,
      number: s.callNumber,
      account: null,
      userUUID: null,
      role: "participant",
      muted: false,
      hand: false,
      videoSite: s.media === "video",
      camera: s.media === "video",
      sharing: false,
      joinedAt: s.joinTime,
      device: s.device,
      network: s.network,
    };
    // Someone whose network was bad when they left dropped because of it (leftReason 1).
    return { p, leftAt: s.leftTime, leftReason: levelAt(m, p, s.leftTime - 1) === "bad" ? 1 : 0 };
  });
}

/**
 * §2 to §8 of the quality reference: the metrics lists, a person's series, the enterprise's
 * thresholds and the live network-quality snapshot, with Huawei's units and "YES"/"NO" strings.
 * The metrics APIs answer 403 to anyone but an enterprise admin, and to everyone while the
 * enterprise has not had the feature switched on (`POST /__sim/quality`).
 */
export function qualityRoutes(ctx: SimContext): RouteTable {
  const { world, quality } = ctx;

  const admin = (req: SimRequest) => {
    const user = userOfRequest(ctx, req);
    // The codes are not documented (only the MBI. prefix is known): these are the simulator's.
    if (!quality.enabled) throw new SimError(403, "MBI.403002", "The QoS statistics function is not enabled for this enterprise.");
    if (!user.isAdmin) throw new SimError(403, "MBI.403001", "Only enterprise administrators can query QoS data.");
    return user;
  };

  const meetingOf = (req: SimRequest): SimMeeting => {
    const confUUID = required(req.query, "confUUID");
    const confType = required(req.query, "confType");
    if (confType !== "online" && confType !== "history") throw badParam("confType");
    const meeting = confType === "online" ? [...world.ongoing.values()].find((m) => m.confUUID === confUUID) : world.keptHistory().find((m) => m.confUUID === confUUID && (m.endedAt ?? 0) > Date.now() - HISTORY_QOS_MS);
    if (!meeting) throw new SimError(400, "MBI.100002", confType === "online" ? "The online conference is not found." : "The history conference is not found.");
    return meeting;
  };

  /** Which of a person's streams exist: audio both ways, video sent from a video site, screen sent while sharing; received video and screen as others send them. */
  const streams = (m: SimMeeting, p: SimParticipant): [QosMedia, Direction][] => [
    ["audio", "send"],
    ["audio", "receive"],
    ...(p.videoSite ? ([["video", "send"]] as [QosMedia, Direction][]) : []),
    ["video", "receive"],
    ...(p.sharing ? ([["screen", "send"]] as [QosMedia, Direction][]) : []),
    ...([...m.participants.values()].some((x) => x.sharing && x !== p) ? ([["screen", "receive"]] as [QosMedia, Direction][]) : []),
  ];

  const direction = (d: Direction) => (d === "send" ? "sending" : "receiving");

  /** A person's alarm flags: any point of a series so far over the threshold in force at it (flags latch). */
  type Flags = { audioAlarmSend: boolean; audioAlarmRec: boolean; videoAlarmSend: boolean; videoAlarmRec: boolean; screenAlarmSend: boolean; screenAlarmRec: boolean; cpuAlarm: boolean };
  /**
   * Flags latch, so each person's are kept with the time they were worked out to and extended from
   * there: a list read every few seconds costs only the new points. Bounded, for a simulator left
   * running for days: a person forgotten is worked out again from the start, to the same flags.
   */
  const latched = new LRUCache<string, { until: number; flags: Flags }>({ max: 50_000 });

  /** A person's alarm flags: any point of a series so far over the threshold in force at it. */
  const flagsOf = (m: SimMeeting, { p, leftAt }: QosPerson, now: number): Flags => {
    const until = leftAt || now;
    // A forced network (the /__sim surface) is a new story for the person: worked out again from the start.
    const key = `${m.confUUID}|${p.pid}|${p.joinedAt}|${p.network?.level}@${p.network?.since}`;
    const kept = latched.get(key);
    const f: Flags = kept ? { ...kept.flags } : { audioAlarmSend: false, audioAlarmRec: false, videoAlarmSend: false, videoAlarmRec: false, screenAlarmSend: false, screenAlarmRec: false, cpuAlarm: false };
    const from = kept ? kept.until + 1 : p.joinedAt;
    const kinds = streams(m, p);
    const busy = profileOf(m, p) === "cpu";
    // A good connection and an idle CPU stay under the defaults: only trouble or a lowered threshold needs a look at each point.
    const steady = profileOf(m, p) === "fine" && !p.network && !m.qualityIncident;
    for (const t of sampleTimes(from, until)) {
      const mediaQuiet = (steady || levelAt(m, p, t) === "good") && quality.thresholds.quietMedia(t, GOOD_MAX);
      const cpuQuiet = !busy && quality.thresholds.effectiveCpu("client", t) >= IDLE_CPU_MAX.client && quality.thresholds.effectiveCpu("system", t) >= IDLE_CPU_MAX.system;
      if (mediaQuiet && (cpuQuiet || f.cpuAlarm)) continue;
      for (const [media, d] of mediaQuiet ? [] : kinds) {
        const flag = `${media}Alarm${d === "send" ? "Send" : "Rec"}` as keyof Flags;
        if (f[flag]) continue;
        const s = mediaSample(m, p, media, d, t);
        const type = TYPE_OF[media];
        f[flag] = s.latency > quality.thresholds.effective(type, "latency", direction(d), t) || s.jitter > quality.thresholds.effective(type, "jitter", direction(d), t) || s.lossPercent > quality.thresholds.effective(type, "packetLoss", direction(d), t);
      }
      if (!f.cpuAlarm && !cpuQuiet) {
        const c = cpuSample(m, p, t);
        f.cpuAlarm = c.client > quality.thresholds.effectiveCpu("client", t) || c.system > quality.thresholds.effectiveCpu("system", t);
      }
    }
    latched.set(key, { until, flags: f });
    return f;
  };

  const participantInfo = (m: SimMeeting, person: QosPerson, now: number) => {
    const { p, leftAt, leftReason } = person;
    const f = flagsOf(m, person, now);
    const any = Object.values(f).some(Boolean);
    return {
      confUUID: m.confUUID,
      conferenceID: m.conferenceID,
      participantID: p.pid,
      userUUID: p.userUUID ?? "",
      displayName: p.name,
      deptName: "",
      terminalType: { soft: "PC", mobile: "MOBILE", web: "WEB", terminal: "HUAWEI IDEAHUB" }[p.device],
      role: p.role === "host" ? "host" : "guest",
      ipAddress: "***.***.**.**",
      country: "中国",
      province: "广东省",
      city: "深圳市",
      appVersion: "9.7.12",
      joinTime: p.joinedAt,
      leftTime: leftAt,
      systemInfo: p.device === "mobile" ? "android-14" : "windows-11",
      networkType: p.device === "mobile" ? "4g" : "wifi",
      alarm: yes(any),
      audioAlarmSend: yes(f.audioAlarmSend),
      videoAlarmSend: yes(f.videoAlarmSend),
      screenAlarmSend: yes(f.screenAlarmSend),
      audioAlarmRec: yes(f.audioAlarmRec),
      videoAlarmRec: yes(f.videoAlarmRec),
      screenAlarmRec: yes(f.screenAlarmRec),
      cpuAlarm: yes(f.cpuAlarm),
      microphoneInfo: "Microphone Array (Realtek(R) Audio)",
      speakerInfo: "Speakers (Realtek(R) Audio)",
      cameraInfo: p.videoSite ? "Integrated Camera" : "",
      dataCenter: "Region-China-2",
      leftReason,
      existQos: true,
    };
  };

  const conferenceInfo = (m: SimMeeting, now: number) => {
    const people = peopleOf(m).map((person) => participantInfo(m, person, now));
    const any = (key: "audio" | "video" | "screen") => people.some((p) => p[`${key}AlarmSend`] === "YES" || p[`${key}AlarmRec`] === "YES");
    const flags = { audioAlarm: yes(any("audio")), videoAlarm: yes(any("video")), screenAlarm: yes(any("screen")), cpuAlarm: yes(people.some((p) => p.cpuAlarm === "YES")) };
    return {
      confUUID: m.confUUID,
      conferenceID: m.conferenceID,
      subject: m.subject,
      scheduserName: m.scheduler.name,
      deptName: m.scheduler.deptName,
      alarm: yes(Object.values(flags).includes("YES")),
      ...flags,
      timeZoneID: "56",
      startTime: m.startedAt,
      endTime: m.endedAt ?? m.scheduledEnd,
      duration: m.endedAt === null ? 0 : Math.round((m.endedAt - m.startedAt) / 60_000),
      participants: m.endedAt === null ? m.participants.size + m.sessions.length : m.sessions.length,
      webinar: false,
    };
  };

  const search = (m: SimMeeting, key: string | null) => !key || [m.subject, m.scheduler.name, m.conferenceID].some((s) => s.toLowerCase().includes(key.toLowerCase()));
  const thresholdType = (req: SimRequest): ThresholdType => {
    const t = required(req.query, "thresholdType");
    if (t !== "AUDIO" && t !== "VIDEO" && t !== "SCREEN" && t !== "CPU") throw badParam("thresholdType");
    return t;
  };

  return {
    "GET /v1/metrics/conferences/online": (req) => {
      admin(req);
      const now = Date.now();
      const rows = [...world.ongoing.values()].filter((m) => search(m, req.query.get("searchKey"))).sort((a, b) => b.startedAt - a.startedAt);
      return metricsPage(rows.map((m) => conferenceInfo(m, now)), req.query);
    },
    "GET /v1/metrics/conferences/history": (req) => {
      admin(req);
      const startDate = epochMs(req.query, "startDate");
      const endDate = epochMs(req.query, "endDate");
      const now = Date.now();
      const rows = world
        .keptHistory()
        .filter((m) => (m.endedAt ?? 0) > now - HISTORY_QOS_MS && m.startedAt >= startDate && m.startedAt <= endDate && search(m, req.query.get("searchKey")))
        .sort((a, b) => b.startedAt - a.startedAt);
      return metricsPage(rows.map((m) => conferenceInfo(m, now)), req.query);
    },
    "GET /v1/metrics/conference/participants": (req) => {
      admin(req);
      const m = meetingOf(req);
      const key = req.query.get("searchKey")?.toLowerCase();
      const now = Date.now();
      const rows = peopleOf(m).filter(({ p }) => !key || p.name.toLowerCase().includes(key));
      return metricsPage(rows.sort((a, b) => a.p.joinedAt - b.p.joinedAt).map((person) => participantInfo(m, person, now)), req.query);
    },
    "GET /v1/metrics/conference/participant/qos": (req) => {
      admin(req);
      const m = meetingOf(req);
      const pid = required(req.query, "participantID");
      const qosType = required(req.query, "qosType");
      if (!["audio", "video", "screen", "cpu"].includes(qosType)) throw badParam("qosType");
      const person = peopleOf(m).find(({ p }) => p.pid === pid);
      if (!person) throw new SimError(400, "MBI.100003", "The participant is not found.");
      const now = Date.now();
      const times = sampleTimes(person.p.joinedAt, person.leftAt || now);
      const iso = (t: number) => new Date(t).toISOString();
      if (qosType === "cpu") {
        const point = (which: "client" | "system") => times.map((t) => {
          const value = cpuSample(m, person.p, t)[which];
          const threshold = quality.thresholds.effectiveCpu(which, t);
          return { time: iso(t), value, alarm: value > threshold, threshold };
        });
        return { user: participantInfo(m, person, now), qos: { type: "cpu", cpu: { client_cpu_max: point("client"), system_cpu_max: point("system") } } };
      }
      const media = qosType as QosMedia;
      const has = new Set(streams(m, person.p).map(([x, d]) => `${x}|${d}`));
      const series = (d: Direction) => {
        if (!has.has(`${media}|${d}`)) return { bitrate: [], latency: [], jitter: [], packet_loss_max: [], resolution: [], frame: [] };
        const samples = times.map((t) => ({ t, s: mediaSample(m, person.p, media, d, t) }));
        const alarmed = (metric: "latency" | "jitter" | "packetLoss", pick: (s: (typeof samples)[number]["s"]) => number) =>
          samples.map(({ t, s }) => {
            const threshold = quality.thresholds.effective(TYPE_OF[media], metric, direction(d), t);
            return { time: iso(t), value: pick(s), alarm: pick(s) > threshold, threshold };
          });
        const plain = (pick: (s: (typeof samples)[number]["s"]) => string) => samples.map(({ t, s }) => ({ time: iso(t), value: pick(s) }));
        return {
          bitrate: plain((s) => String(s.bitrate)),
          latency: alarmed("latency", (s) => s.latency),
          jitter: alarmed("jitter", (s) => s.jitter),
          packet_loss_max: alarmed("packetLoss", (s) => s.lossPercent),
          resolution: media === "audio" ? [] : plain((s) => s.resolution),
          frame: media === "audio" ? [] : plain((s) => String(s.frame)),
        };
      };
      return { user: participantInfo(m, person, now), qos: { type: media, send: series("send"), receive: series("receive") } };
    },
    /** §8: needs the meeting's control token in `confToken` (no role rule), at most 50 people, loss in per mille, an MMC envelope. */
    "POST /v1/mmc/cqs/media/qos": (req) => {
      const conferenceID = required(req.query, "conferenceid");
      if (ctx.confTokens.conferenceOf(header(req, "conftoken")) !== conferenceID) throw new SimError(401, "USG.000000004", "Invalid conference token");
      const m = world.ongoing.get(conferenceID);
      if (!m || m.confUUID !== required(req.query, "confuuid")) throw new SimError(400, "MMC.111070005", "CONF_DATA_NOT_FOUND");
      const users = ((req.body as { users?: { pid?: string }[] } | undefined)?.users ?? []).map((u) => u.pid ?? "");
      if (users.length > 50) throw badParam("users: at most 50");
      const now = Date.now();
      const stream = (p: SimParticipant, media: QosMedia, d: Direction) => {
        const s = mediaSample(m, p, media, d, now);
        const [w, h] = s.resolution ? s.resolution.split("*").map(Number) : [0, 0];
        return { networkQuality: levelAt(m, p, now).toUpperCase(), codecType: media === "audio" ? "OPUS" : "H264", bandWidth: s.bitrate, lostPacketRate: s.lossPercent * 10, delay: s.latency, jitter: s.jitter, ...(media === "audio" ? {} : { resolutionHeight: h, resolutionWidth: w, frameRate: s.frame }) };
      };
      const qosList = users
        .map((pid) => m.participants.get(pid))
        .filter((p): p is SimParticipant => p !== undefined)
        .map((p) => {
          const up = mediaSample(m, p, "audio", "send", now);
          const down = mediaSample(m, p, "audio", "receive", now);
          return {
            participantID: p.pid,
            netRate: levelAt(m, p, now).toUpperCase(),
            bandWidthUp: up.bitrate + (p.videoSite ? mediaSample(m, p, "video", "send", now).bitrate : 0),
            bandWidthDown: down.bitrate + mediaSample(m, p, "video", "receive", now).bitrate,
            lostPacketRateUp: up.lossPercent * 10,
            lostPacketRateDown: down.lossPercent * 10,
            delay: up.latency,
            audioQos: { upList: [stream(p, "audio", "send")], downList: [stream(p, "audio", "receive")] },
            videoQos: { upList: p.videoSite ? [stream(p, "video", "send")] : [], downList: [stream(p, "video", "receive")] },
            auxQos: { upList: p.sharing ? [stream(p, "screen", "send")] : [], downList: [] },
          };
        });
      return { returnCode: 0, returnDesc: "SUCCESS", qosList };
    },
    "GET /v1/metrics/conference/threshold": (req) => {
      admin(req);
      return quality.thresholds.show(thresholdType(req));
    },
    "POST /v1/metrics/conference/threshold": (req) => {
      admin(req);
      quality.thresholds.set(thresholdType(req), req.body);
      return { code: "0", message: "success" };
    },
  };
}
