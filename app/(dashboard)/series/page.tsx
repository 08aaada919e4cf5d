import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SeriesListPage } from "@/components/reports/series-list-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("series") };
}

export default function Page() {
  return <SeriesListPage />;
}
