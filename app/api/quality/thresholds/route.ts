import { qualityUnavailable } from "@/lib/api/quality-unavailable";
import { parseOr400 } from "@/lib/api/validation";
import { withViewer } from "@/lib/api/with-viewer";
import { setQualityThresholdsSchema, type QualityThresholds } from "@/lib/domain/quality";
import type { QosThreshold } from "@/lib/huawei/quality-schemas";
import { services } from "@/lib/services";

const pair = (p: QosThreshold["latency"]) => ({ receiving: p?.receiving ?? null, receivingDefault: p?.receivingDefault ?? null, sending: p?.sending ?? null, sendingDefault: p?.sendingDefault ?? null });
const media = (t: QosThreshold) => ({ latency: pair(t.latency), jitter: pair(t.jitter), packetLoss: pair(t.packetLoss) });

/** The enterprise's alarm thresholds beside Huawei's defaults, for each media type and the CPU (admins). */
export const GET = withViewer(async () => {
  const refused = qualityUnavailable();
  if (refused) return refused;
  const { quality } = services();
  const [audio, video, screen, cpu] = await Promise.all((["AUDIO", "VIDEO", "SCREEN", "CPU"] as const).map((type) => quality.thresholds(type)));
  const answer: QualityThresholds = {
    AUDIO: media(audio!),
    VIDEO: media(video!),
    SCREEN: media(screen!),
    CPU: { clientCpuMax: { cpu: cpu!.clientCpuMax?.cpu ?? null, cpuDefault: cpu!.clientCpuMax?.cpuDefault ?? null }, systemCpuMax: { cpu: cpu!.systemCpuMax?.cpu ?? null, cpuDefault: cpu!.systemCpuMax?.cpuDefault ?? null } },
  };
  return Response.json(answer);
}, ["admin"]);

/** Sets one media type's thresholds (or the CPU's) at Huawei; they apply to points measured from now on. */
export const POST = withViewer(async (req) => {
  const input = parseOr400(setQualityThresholdsSchema, await req.json().catch(() => undefined));
  const refused = qualityUnavailable();
  if (refused) return refused;
  const body = input.type === "CPU" ? { clientCpuMax: { cpu: input.clientCpuMax }, systemCpuMax: { cpu: input.systemCpuMax } } : { latency: input.latency, jitter: input.jitter, packetLoss: input.packetLoss };
  await services().quality.setThresholds(input.type, body);
  return new Response(null, { status: 204 });
}, ["admin"]);
