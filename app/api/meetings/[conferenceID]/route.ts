import { conferenceIdSchema, parseOr400 } from "@/lib/api/validation";
import { withViewer } from "@/lib/api/with-viewer";
import type { MeetingDetailResponse } from "@/lib/domain/meeting";
import { services } from "@/lib/services";

export const GET = withViewer<{ params: Promise<{ conferenceID: string }> }>(async (_req, viewer, ctx) => {
  const conferenceID = parseOr400(conferenceIdSchema, (await ctx.params).conferenceID);
  const { value, fetchedAt } = await services().meetings.detail(viewer, conferenceID);
  const body: MeetingDetailResponse = { ...value, fetchedAt };
  return Response.json(body);
});
