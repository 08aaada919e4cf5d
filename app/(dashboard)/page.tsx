import { MeetingsPage } from "@/components/meetings/meetings-page";

export const metadata = { title: "Ongoing meetings · Meeting Monitor" };

export default function Page() {
  return <MeetingsPage />;
}
