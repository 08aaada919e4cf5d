import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HomeLink, ProblemPage } from "@/components/app/problem-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("notFoundTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("pages");
  return (
    <main id="main" className="px-4">
      <ProblemPage title={t("notFoundTitle")} body={t("notFoundBody")}>
        <HomeLink label={t("home")} />
      </ProblemPage>
    </main>
  );
}
