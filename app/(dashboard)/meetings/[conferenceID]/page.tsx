import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeetingDetail } from "@/components/meetings/meeting-detail";
import { ongoingSubject } from "@/lib/page-titles";

type Props = { params: Promise<{ conferenceID: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conferenceID } = await params;
  return { title: (await ongoingSubject(conferenceID)) ?? (await getTranslations("meta"))("meeting", { id: conferenceID.slice(0, 32) }) };
}

export default async function Page({ params }: Props) {
  const { conferenceID } = await params;
  return <MeetingDetail conferenceID={conferenceID} />;
}
