import type { SimContext } from "./context";
import { userOfRequest } from "./auth-api";
import { attendeeRecord, conferenceInfo, controlRecord, languageOf, participantInfo } from "./huawei-format";
import { badParam, epochMs, header, notFound, page, required, type RouteTable, type SimRequest } from "./http";
import type { SimMeeting, SimUser } from "./types";

const MGMT = "/v1/mmc/management/conferences";

function matches(meeting: SimMeeting, searchKey: string | null): boolean {
  if (!searchKey) return true;
  const needle = searchKey.toLowerCase();
  return [meeting.subject, meeting.scheduler.name, meeting.conferenceID].some((s) => s.toLowerCase().includes(needle));
}

/** §5: ongoing meetings, meeting detail, history, history detail and attendee records, as each user may see them. */
export function managementRoutes(ctx: SimContext): RouteTable {
  const { world } = ctx;

  const visibleOngoing = (user: SimUser, conferenceID: string): SimMeeting => {
    const meeting = world.ongoing.get(conferenceID);
    if (!meeting || !world.canSee(user, meeting, true)) throw notFound();
    return meeting;
  };

  const visibleHistory = (user: SimUser, confUUID: string): SimMeeting => {
    const meeting = world.keptHistory().find((m) => m.confUUID === confUUID);
    if (!meeting || !world.canSee(user, meeting, true)) throw notFound();
    return meeting;
  };

  const confDetail = (req: SimRequest) => {
    const user = userOfRequest(ctx, req);
    const meeting = visibleOngoing(user, required(req.query, "conferenceID"));
    return { conferenceData: conferenceInfo(meeting, user, "detail"), data: page(participantInfo(meeting), req.query, 20) };
  };

  return {
    [`GET ${MGMT}/online`]: (req) => {
      const user = userOfRequest(ctx, req);
      const queryAll = req.query.get("queryAll") === "true";
      const rows = [...world.ongoing.values()]
        .filter((m) => world.canSee(user, m, queryAll) && matches(m, req.query.get("searchKey")))
        .sort((a, b) => a.startedAt - b.startedAt);
      return page(rows.map((m) => conferenceInfo(m, user, "online-list")), req.query);
    },
    [`GET ${MGMT}/confDetail`]: confDetail,
    [`GET ${MGMT}/online/confDetail`]: confDetail,
    /** Quality reference §9: who is online, snake_case in and out, no conference token; an ended or unknown meeting is 400 MMC.111070005. */
    [`GET ${MGMT}/online/conf-attendee`]: (req) => {
      const user = userOfRequest(ctx, req);
      const meeting = visibleOngoing(user, required(req.query, "conf_id"));
      const search = req.query.get("search_key")?.toLowerCase();
      const rows = [...meeting.participants.values()]
        .filter((p) => !search || [p.name, p.number, p.account ?? ""].some((v) => v.toLowerCase().includes(search)))
        .map((p) => ({
          participant_id: p.pid,
          name: p.name,
          call_number: p.number,
          role: p.role === "host" ? 1 : 0,
          third_account: p.account ?? "",
          account: p.account ?? "",
          user_id: p.userUUID ?? "",
        }));
      return page(rows, req.query, 20);
    },
    [`GET ${MGMT}/history`]: (req) => {
      const user = userOfRequest(ctx, req);
      const q = req.query;
      const startDate = epochMs(q, "startDate");
      const endDate = epochMs(q, "endDate");
      if (startDate > endDate) throw badParam("startDate is after endDate");
      const queryAll = q.get("queryAll") === "true";
      const rows = world
        .keptHistory()
        .filter((m) => m.startedAt >= startDate && m.startedAt <= endDate)
        .filter((m) => world.canSee(user, m, queryAll) && matches(m, q.get("searchKey")))
        .sort((a, b) => (q.get("sortType") === "ASC_StartTIME" ? a.startedAt - b.startedAt : b.startedAt - a.startedAt));
      return page(rows.map((m) => conferenceInfo(m, user, "history")), q);
    },
    [`GET ${MGMT}/history/confDetail`]: (req) => {
      const user = userOfRequest(ctx, req);
      const meeting = visibleHistory(user, required(req.query, "confUUID"));
      return { conferenceData: conferenceInfo(meeting, user, "history"), data: page(participantInfo(meeting), req.query, 20) };
    },
    /** §5.6 (D-0053): the meeting-control operations of a past meeting, in order. */
    [`GET ${MGMT}/history/confCtlRecord`]: (req) => {
      const user = userOfRequest(ctx, req);
      const meeting = visibleHistory(user, required(req.query, "confUUID"));
      const language = languageOf(header(req, "accept-language"));
      return page(meeting.controls.map((c) => controlRecord(c, language)), req.query, 20);
    },
    [`GET ${MGMT}/history/confAttendeeRecord`]: (req) => {
      const user = userOfRequest(ctx, req);
      const meeting = visibleHistory(user, required(req.query, "confUUID"));
      const search = req.query.get("searchKey")?.toLowerCase();
      const language = languageOf(header(req, "accept-language"));
      const rows = meeting.sessions.filter((s) => !search || s.displayName.toLowerCase().includes(search));
      return page(rows.map((s) => attendeeRecord(s, language)), req.query, 20);
    },
  };
}
