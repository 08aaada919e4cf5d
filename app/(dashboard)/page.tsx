import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeetingsPage } from "@/components/meetings/meetings-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("ongoing") };
}

export default function Page() {
  return <MeetingsPage />;
}
