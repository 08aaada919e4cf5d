import { cookies } from "next/headers";
import { confUuidSchema, conferenceIdSchema } from "@/lib/api/validation";
import { currentViewer } from "@/lib/auth/session";
import { huaweiLanguage } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { services } from "@/lib/services";

/**
 * The subject of a meeting for its page's title, from the same cached answers the page's own
 * API call then uses; null when it cannot be had (the page itself explains why).
 */
export async function ongoingSubject(conferenceID: string): Promise<string | null> {
  const viewer = await currentViewer(await cookies());
  if (!viewer || viewer.role === "wall" || !conferenceIdSchema.safeParse(conferenceID).success) return null;
  return services()
    .meetings.detail(viewer, conferenceID)
    .then((d) => d.value.meeting.subject, () => null);
}

export async function pastSubject(confUUID: string): Promise<string | null> {
  const viewer = await currentViewer(await cookies());
  const id = confUuidSchema.safeParse(confUUID);
  if (!viewer || viewer.role === "wall" || !id.success) return null;
  return services()
    .history.attendance(viewer, id.data, huaweiLanguage(await requestLocale()))
    .then((a) => a.meeting.subject, () => null);
}
