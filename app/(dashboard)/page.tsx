import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { MeetingsPage } from "@/components/meetings/meetings-page";
import { currentViewer } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("ongoing") };
}

export default async function Page() {
  // An admin's list also shows hands up and what needs attention, from the wall topic (which hosts may not read).
  const viewer = await currentViewer(await cookies());
  return <MeetingsPage watchesWall={viewer?.role === "admin"} />;
}
