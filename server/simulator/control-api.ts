import type { SimContext } from "./context";
import { badParam, header, required, SimError, type RouteTable, type SimRequest } from "./http";
import { realTimeInfo } from "./push-frames";
import type { SimMeeting } from "./types";

const CONTROL = "/v1/mmc/control/conferences";
const refused = () => new SimError(400, "MMC.111072065", "CONF_NOT_FOUND_OR_AUTH_FAILED");

/** Push types this simulator sends (the control-token answer's supportNotifyType). */
const SUPPORTED_NOTIFY = ["ConfBasicInfoNotify", "ConfDynamicInfoNotify", "ParticipantsNotify", "AttendeesNotify", "SpeakerChangeNotify", "InviteResultNotify"];

/**
 * §3, §4: the meeting-control token (bought with the chair password, renewed with itself), the
 * one-time push-socket token and realTimeInfo. The official SDK also sends X-Access-Token on these
 * calls; Huawei ignores it, and so does the simulator.
 */
export function controlRoutes(ctx: SimContext): RouteTable {
  const { world, confTokens } = ctx;

  const controlledMeeting = (req: SimRequest): SimMeeting => {
    const conferenceID = required(req.query, "conferenceID");
    if (confTokens.conferenceOf(header(req, "x-conference-authorization")) !== conferenceID) {
      throw new SimError(401, "USG.000000004", "Invalid conference token");
    }
    const meeting = world.ongoing.get(conferenceID);
    if (!meeting) throw new SimError(400, "MMC.111072005", "CONF_NOT_STARTED_OR_ENDED");
    return meeting;
  };

  return {
    [`GET ${CONTROL}/token`]: (req) => {
      const conferenceID = required(req.query, "conferenceID");
      if (!header(req, "x-login-type")) throw badParam("X-Login-Type is required");
      const renewing = confTokens.conferenceOf(header(req, "x-conference-authorization")) === conferenceID;
      const meeting = world.ongoing.get(conferenceID);
      if (!meeting) {
        if (world.history.some((m) => m.conferenceID === conferenceID)) throw new SimError(400, "MMC.111072005", "CONF_NOT_STARTED_OR_ENDED");
        throw refused();
      }
      if (!renewing && header(req, "x-password") !== meeting.chairPassword) throw refused();
      const { token, expiresAt } = confTokens.issue(conferenceID);
      return {
        data: {
          token,
          tmpWsToken: confTokens.issueWsToken(conferenceID),
          wsURL: ctx.wsBase(),
          role: 1,
          expireTime: expiresAt,
          userID: meeting.scheduler.userUUID,
          orgID: "651543334",
          participantID: null,
          confTokenExpireTime: confTokens.confTokenTtlSeconds,
          vmrCurrentConfID: null,
          supportNotifyType: SUPPORTED_NOTIFY,
        },
        addressToken: `stb${world.rng.hex(32)}`,
        gloablPublicIP: "127.0.0.1",
      };
    },
    [`GET ${CONTROL}/wsToken`]: (req) => ({ webSocketToken: confTokens.issueWsToken(controlledMeeting(req).conferenceID) }),
    [`GET ${CONTROL}/realTimeInfo`]: (req) => realTimeInfo(controlledMeeting(req)),
  };
}
