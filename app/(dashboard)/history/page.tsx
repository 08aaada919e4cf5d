import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HistoryPage } from "@/components/history/history-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("history") };
}

export default function Page() {
  return <HistoryPage />;
}
