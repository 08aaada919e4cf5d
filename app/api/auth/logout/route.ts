import { cookies } from "next/headers";
import { getSession } from "@/lib/auth/session";

export async function POST(): Promise<Response> {
  (await getSession(await cookies())).destroy();
  return new Response(null, { status: 204 });
}
