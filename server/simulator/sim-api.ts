import { z } from "zod";
import type { SimContext } from "./context";
import { faultSchema } from "./faults";
import { SimError, type RouteTable, type SimRequest } from "./http";
import type { SimMeeting } from "./types";
import type { HostOperation } from "./world";

const participantChangeSchema = z
  .object({
    muted: z.boolean(),
    hand: z.boolean(),
    camera: z.boolean(),
    videoSite: z.boolean(),
    sharing: z.boolean(),
    role: z.enum(["host", "cohost", "participant"]),
  })
  .partial()
  .strict();

const joinSchema = z.object({
  name: z.string().min(1),
  number: z.string().optional(),
  account: z.string().optional(),
  userUUID: z.string().optional(),
});

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SimError(400, "SIM.400", z.prettifyError(parsed.error));
  return parsed.data;
}

/**
 * The test and demo control surface, `/__sim/*`: fault injection, token expiry, the world's size,
 * and one meeting's people, end and chair password. Never part of Huawei's API.
 */
export function simRoutes(ctx: SimContext, languages: Map<string, string>): RouteTable {
  const { world, faults, tokens, confTokens, events, stats } = ctx;
  return {
    "POST /__sim/ws": (req) => {
      const f = parse(z.object({ action: z.enum(["drop", "silence", "refuse"]), conferenceID: z.string().optional(), count: z.number().int().min(1).optional() }), req.body);
      return { affected: events.fault(f.action, f.conferenceID, f.count) };
    },
    "GET /__sim/ws": (req) => ({ open: events.openSessions(req.query.get("conferenceID") ?? undefined), connections: events.connections }),
    "POST /__sim/expire-conf-tokens": () => {
      confTokens.expireAll();
      return {};
    },
    "GET /__sim/meetings": () =>
      [...world.ongoing.values()].map((m) => ({ conferenceID: m.conferenceID, subject: m.subject, participants: m.participants.size, chairForAdmins: m.chairForAdmins, confMode: m.confMode })),
    "GET /__sim/info": () => ({ appId: ctx.credentials.appId, account: ctx.credentials.account, ongoing: world.ongoing.size, history: world.history.length }),
    "GET /__sim/stats": () => Object.fromEntries(stats),
    /** What must never reach a browser or a log: the app key, every token issued, every meeting's host password. */
    "GET /__sim/secrets": () => ({
      appKey: ctx.credentials.appKey,
      tokens: [...tokens.all(), ...confTokens.all()],
      chairPasswords: [...world.ongoing.values(), ...world.history].map((m) => m.chairPassword),
    }),
    "POST /__sim/stats/reset": () => {
      stats.clear();
      return {};
    },
    /** The Accept-Language of the latest call per "METHOD path" ("" when none was sent). */
    "GET /__sim/languages": () => Object.fromEntries(languages),
    "POST /__sim/faults": (req) => {
      faults.add(parse(faultSchema, req.body));
      return {};
    },
    "DELETE /__sim/faults": () => {
      faults.clear();
      return {};
    },
    "POST /__sim/expire-tokens": () => {
      tokens.expireAll();
      return {};
    },
    /** Turns Huawei's event push on (verified first), as an admin does in Huawei's console or with SetWebHookConfig. */
    "POST /__sim/event-push": async (req) =>
      ctx.eventPush.enable(parse(z.object({ url: z.url(), appID: z.string().min(1), key: z.string().min(1), retryScale: z.number().positive().max(1).optional() }), req.body)),
    "GET /__sim/event-push": () => ctx.eventPush.state(),
    "DELETE /__sim/event-push": () => {
      ctx.eventPush.disable();
      return {};
    },
    /** Huawei forgets a past meeting, as its retention does. */
    "POST /__sim/history/forget": (req) => {
      const { confUUID } = parse(z.object({ confUUID: z.string().min(1) }), req.body);
      if (!world.forget(confUUID)) throw new SimError(404, "SIM.404", "no such past meeting");
      return {};
    },
    /** The past meetings Huawei holds, with their records, as the simulator knows them (tests compare with the archive). */
    "GET /__sim/history": () =>
      world.keptHistory().map((m) => ({ confUUID: m.confUUID, conferenceID: m.conferenceID, subject: m.subject, startedAt: m.startedAt, endedAt: m.endedAt, records: m.sessions.length, controls: m.controls })),
    /** Whether Huawei has switched the enterprise's QoS statistics on: off, the metrics APIs answer 403. */
    "POST /__sim/quality": (req) => {
      ctx.quality.enabled = parse(z.object({ enabled: z.boolean() }), req.body).enabled;
      return { enabled: ctx.quality.enabled };
    },
    "POST /__sim/ongoing": (req) => {
      const { count } = parse(z.object({ count: z.number().int().min(0).max(5000) }), req.body);
      world.setOngoing(count);
      return { ongoing: world.ongoing.size };
    },
  };
}

const hostControlSchema = z.object({
  operation: z.enum(["Mute participant", "Unmute participant", "Mute all", "Unmute all", "Set co-host", "Cancel co-host", "Lock conference", "Unlock conference"] satisfies HostOperation[]),
  pid: z.string().optional(),
});

/** `/__sim/meetings/{id}[/participants/{pid} | /join | /end | /chair-password | /host-control | /speakers]`. */
export function meetingControl(ctx: SimContext, req: SimRequest): unknown {
  const m = /^\/__sim\/meetings\/([^/]+)(?:\/(participants)\/([^/]+)|\/(join|end|chair-password|host-control|speakers))?$/.exec(req.path);
  if (!m) throw new SimError(404, "SIM.404", "no such simulator control");
  const { world } = ctx;
  const meeting: SimMeeting | undefined = world.ongoing.get(m[1]!);
  if (!meeting) throw new SimError(404, "SIM.404", "no such ongoing meeting");
  const [, , participants, pid, action] = m;
  if (req.method === "GET" && !participants && !action) {
    return { conferenceID: meeting.conferenceID, subject: meeting.subject, participants: [...meeting.participants.values()], invitees: meeting.invitees, chairPassword: meeting.chairPassword, chairForAdmins: meeting.chairForAdmins };
  }
  if (req.method === "POST" && action === "end") {
    world.endMeeting(meeting);
    return {};
  }
  if (req.method === "POST" && action === "join") {
    return world.join(meeting, parse(joinSchema, req.body));
  }
  if (req.method === "POST" && action === "host-control") {
    // What the host does that Huawei's control records keep: `{operation, pid?}`.
    const { operation, pid: target } = parse(hostControlSchema, req.body);
    world.hostControl(meeting, operation, target);
    return { locked: meeting.locked };
  }
  if (req.method === "POST" && action === "speakers") return { speakers: world.announceSpeakers(meeting) };
  if (req.method === "POST" && action === "chair-password") {
    // What an admin's confDetail shows of the chair password: in clear, "******" or nothing.
    meeting.chairForAdmins = parse(z.object({ forAdmins: z.enum(["clear", "masked", "absent"]) }), req.body).forAdmins;
    return { chairForAdmins: meeting.chairForAdmins };
  }
  if (participants && req.method === "DELETE") return { left: world.leave(meeting, pid!) };
  if (participants && req.method === "POST") {
    const { network, ...change } = parse(participantChangeSchema.extend({ network: z.enum(["good", "poor", "bad"]).nullable().optional() }), req.body);
    // A person's connection forced from now on, as the quality APIs then report it; null: back to the model's own.
    if (network !== undefined && meeting.participants.has(pid!)) meeting.participants.get(pid!)!.network = network ? { level: network, since: Date.now() } : undefined;
    // A network change alone is news too: the push channel of an MCU meeting reports it (NetConditionNotify).
    const p = Object.keys(change).length || network !== undefined ? world.changeParticipant(meeting, pid!, change) : meeting.participants.get(pid!);
    if (!p) throw new SimError(404, "SIM.404", "no such participant");
    return p;
  }
  throw new SimError(405, "SIM.405", "method not allowed");
}
