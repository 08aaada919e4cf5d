import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { DisplaysPage } from "@/components/admin/displays-page";
import { currentViewer } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("displays") };
}

export default async function Displays() {
  if ((await currentViewer(await cookies()))?.role !== "admin") notFound();
  return <DisplaysPage />;
}
