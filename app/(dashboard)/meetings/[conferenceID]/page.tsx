import { MeetingDetail } from "@/components/meetings/meeting-detail";

export const metadata = { title: "Meeting · Meeting Monitor" };

export default async function Page({ params }: { params: Promise<{ conferenceID: string }> }) {
  const { conferenceID } = await params;
  return <MeetingDetail conferenceID={conferenceID} />;
}
