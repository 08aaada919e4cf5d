import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { currentViewer } from "@/lib/auth/session";
import { MeetingDetail } from "@/components/meetings/meeting-detail";
import { ongoingSubject } from "@/lib/page-titles";

type Props = { params: Promise<{ conferenceID: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conferenceID } = await params;
  return { title: (await ongoingSubject(conferenceID)) ?? (await getTranslations("meta"))("meeting", { id: conferenceID.slice(0, 32) }) };
}

export default async function Page({ params }: Props) {
  const { conferenceID } = await params;
  // A person's quality detail (device, network, IP, series) is for admins; hosts see the marks.
  const viewer = await currentViewer(await cookies());
  return <MeetingDetail conferenceID={conferenceID} qualityDetail={viewer?.role === "admin"} />;
}
