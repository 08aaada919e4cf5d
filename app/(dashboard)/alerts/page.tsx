import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { AlertsPage } from "@/components/alerts/alerts-page";
import { currentViewer } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("alerts") };
}

export default async function Alerts() {
  const role = (await currentViewer(await cookies()))?.role;
  if (role !== "admin" && role !== "host") notFound();
  return <AlertsPage role={role} />;
}
