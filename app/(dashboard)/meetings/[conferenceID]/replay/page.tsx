import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReplayPage } from "@/components/replay/replay-page";

type Props = { params: Promise<{ conferenceID: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("replay") };
}

export default async function Page({ params }: Props) {
  const { conferenceID } = await params;
  return <ReplayPage source={{ kind: "live", conferenceID }} />;
}
