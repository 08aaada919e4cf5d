import { z } from "zod";
import { jsonError } from "@/lib/api/errors";
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
    const { health, participantSeries } = services();
    const reason = health.status().reason;
    if (reason === "forbidden" || reason === "switched_off") return jsonError(503, "quality_unavailable", "Huawei does not give this enterprise quality data (see GET /api/quality/status).");
    return Response.json(await participantSeries.of(viewer, conferenceID, pid));
  },
  ["admin"],
);
