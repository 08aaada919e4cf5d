import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PeoplePage } from "@/components/reports/people-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("people") };
}

export default function Page() {
  return <PeoplePage />;
}
