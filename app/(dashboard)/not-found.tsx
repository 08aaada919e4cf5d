import { getTranslations } from "next-intl/server";
import { HomeLink, ProblemPage } from "@/components/app/problem-page";

/** A page of the dashboard that is not there (or not for this user): inside the dashboard's own <main>, not a second one. */
export default async function DashboardNotFound() {
  const t = await getTranslations("pages");
  return (
    <ProblemPage title={t("notFoundTitle")} body={t("notFoundBody")}>
      <HomeLink label={t("home")} />
    </ProblemPage>
  );
}
