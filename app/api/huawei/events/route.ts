import { jsonError } from "@/lib/api/errors";
import { services } from "@/lib/services";

/** Huawei's enterprise meeting-event push: signed by Huawei, not by a dashboard session. */
export async function POST(req: Request): Promise<Response> {
  const answer = await services()
    .huaweiEvents.receive(await req.text())
    .catch((error: unknown) => ({ ok: false as const, status: 503 as const, code: "store_unavailable", message: (error as Error).message }));
  if (answer.status === 200) return Response.json(answer.body);
  return jsonError(answer.status, answer.code, answer.message);
}
