import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { QualityThresholdsPage } from "@/components/admin/quality-thresholds-page";
import { currentViewer } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("thresholds") };
}

export default async function Thresholds() {
  if ((await currentViewer(await cookies()))?.role !== "admin") notFound();
  return <QualityThresholdsPage />;
}
