import { confUuidSchema, parseOr400 } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { huaweiLanguage } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { services } from "@/lib/services";

export const GET = withViewer<{ params: Promise<{ confUUID: string }> }>(async (_req, viewer, ctx) => {
  const confUUID = parseOr400(confUuidSchema, (await ctx.params).confUUID);
  return Response.json(await services().history.attendance(viewer, confUUID, huaweiLanguage(await requestLocale())));
}, DESK_ROLES);
