import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReplayPage } from "@/components/replay/replay-page";
import { pastSubject } from "@/lib/page-titles";

type Props = { params: Promise<{ confUUID: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { confUUID } = await params;
  const t = await getTranslations("meta");
  const subject = await pastSubject(confUUID);
  return { title: subject ? `${subject} · ${t("replay")}` : t("replay") };
}

export default async function Page({ params }: Props) {
  const { confUUID } = await params;
  return <ReplayPage source={{ kind: "past", confUUID }} />;
}
