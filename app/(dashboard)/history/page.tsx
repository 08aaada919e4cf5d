import { HistoryPage } from "@/components/history/history-page";

export const metadata = { title: "Past meetings · Meeting Monitor" };

export default function Page() {
  return <HistoryPage />;
}
