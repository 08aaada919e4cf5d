import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DepartmentsPage } from "@/components/reports/departments-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("departments") };
}

export default function Page() {
  return <DepartmentsPage />;
}
