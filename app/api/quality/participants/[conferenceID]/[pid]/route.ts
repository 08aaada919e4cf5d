import { z } from "zod";
import { qualityUnavailable } from "@/lib/api/quality-unavailable";
import { conferenceIdSchema, parseOr400 } from "@/lib/api/validation";
import { withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

const pidSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not a participant id");

/** A person's device, network and series for an ongoing meeting (admins: the detail includes their IP and location). */
export const GET = withViewer<{ params: Promise<{ conferenceID: string; pid: string }> }>(
  async (_req, viewer, ctx) => {
    const params = await ctx.params;
    const conferenceID = parseOr400(conferenceIdSchema, params.conferenceID);
    const pid = parseOr400(pidSchema, params.pid);
    return qualityUnavailable() ?? Response.json(await services().participantSeries.of(viewer, conferenceID, pid));
  },
  ["admin"],
);
