import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { DisplaysPage } from "@/components/admin/displays-page";
import { currentViewer } from "@/lib/auth/session";

export const metadata = { title: "Displays · Meeting Monitor" };

export default async function Displays() {
  if ((await currentViewer(await cookies()))?.role !== "admin") notFound();
  return <DisplaysPage />;
}
