import { AttendancePage } from "@/components/history/attendance-page";

export const metadata = { title: "Attendance · Meeting Monitor" };

export default async function Page({ params }: { params: Promise<{ confUUID: string }> }) {
  const { confUUID } = await params;
  return <AttendancePage confUUID={confUUID} />;
}
