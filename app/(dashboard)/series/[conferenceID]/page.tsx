import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SeriesPage } from "@/components/reports/series-page";

type Props = { params: Promise<{ conferenceID: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conferenceID } = await params;
  return { title: `${conferenceID} · ${(await getTranslations("meta"))("series")}` };
}

export default async function Page({ params }: Props) {
  return <SeriesPage conferenceID={(await params).conferenceID} />;
}
