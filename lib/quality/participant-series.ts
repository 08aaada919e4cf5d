import type { Viewer } from "@/lib/auth/viewer";
import { SharedAnswers } from "@/lib/cache/shared-answers";
import type { DirectionSeries, ParticipantSeriesResponse } from "@/lib/domain/quality";
import type { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import type { QosParticipantDetail, QosSendReceive } from "@/lib/huawei/quality-schemas";
import type { MeetingsService } from "@/lib/meetings/meetings-service";

type Alarmed = QosSendReceive["latency"][number];
type Plain = QosSendReceive["bitrate"][number];

const alarmed = (points: Alarmed[]) => points.map((p) => ({ at: p.time, value: p.value, threshold: p.threshold ?? null, alarm: p.alarm ?? false }));
const plain = (points: Plain[]) => points.map((p) => ({ at: p.time, value: Number.parseFloat(p.value) })).filter((p) => Number.isFinite(p.value)).map((p) => ({ ...p, threshold: null, alarm: false }));

function direction(d: QosSendReceive | null | undefined): DirectionSeries {
  return {
    latencyMs: alarmed(d?.latency ?? []),
    jitterMs: alarmed(d?.jitter ?? []),
    // §6 gives the maximum loss in percent already.
    lossPercent: alarmed(d?.packet_loss_max ?? []),
    bitrateKbps: plain(d?.bitrate ?? []),
    frameRate: plain(d?.frame ?? []),
  };
}

const media = (detail: QosParticipantDetail) => ({ send: direction(detail.qos.send), receive: direction(detail.qos.receive) });

/**
 * One person's series for an ongoing meeting (quality reference §6): four calls (audio, video,
 * screen, CPU), asked on demand and kept a little while, so a details panel opened by several
 * admins, or again, costs Huawei once.
 */
export class ParticipantSeries {
  private readonly answers: SharedAnswers<ParticipantSeriesResponse>;

  constructor(
    private readonly api: HuaweiQualityApi,
    private readonly meetings: MeetingsService,
    ttlMs = 30_000,
  ) {
    this.answers = new SharedAnswers({ max: 200, ttlMs });
  }

  async of(viewer: Viewer, conferenceID: string, pid: string): Promise<ParticipantSeriesResponse> {
    // The meeting must be one the viewer may see; its confUUID keys Huawei's quality data.
    const { value } = await this.meetings.detail(viewer, conferenceID);
    const confUUID = value.meeting.confUUID ?? "";
    return this.answers.get(`${confUUID}|${pid}`, async () => {
      const [audio, video, screen, cpu] = await Promise.all((["audio", "video", "screen", "cpu"] as const).map((type) => this.api.participantSeries(confUUID, "online", pid, type)));
      const u = audio!.user;
      return {
        conferenceID,
        pid,
        user: {
          name: u?.displayName ?? null,
          terminalType: u?.terminalType ?? null,
          appVersion: u?.appVersion ?? null,
          systemInfo: u?.systemInfo ?? null,
          networkType: u?.networkType ?? null,
          ipAddress: u?.ipAddress ?? null,
          location: [u?.city, u?.province, u?.country].filter(Boolean).join(", ") || null,
          microphone: u?.microphoneInfo ?? null,
          camera: u?.cameraInfo || null,
        },
        media: { audio: media(audio!), video: media(video!), screen: media(screen!) },
        cpu: { client: alarmed(cpu!.qos.cpu?.client_cpu_max ?? []), system: alarmed(cpu!.qos.cpu?.system_cpu_max ?? []) },
        fetchedAt: new Date().toISOString(),
      };
    });
  }
}
