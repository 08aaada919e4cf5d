import { z } from "zod";
import { SimError } from "./http";

/** The enterprise's alarm thresholds per media type (quality reference §7): a custom value where an admin set one, else the default. */
export type ThresholdType = "AUDIO" | "VIDEO" | "SCREEN" | "CPU";

interface Pair {
  receiving: number | null;
  sending: number | null;
}

/** Factory defaults: the doc example's *Default columns for the media, 90 % for CPU (no source gives CPU's; quality reference §7.1). */
const DEFAULTS = { latency: 800, jitter: 800, packetLoss: 50, cpu: 90 };

const pair = (max: number) => z.object({ receiving: z.number().int().min(0).max(max).optional(), sending: z.number().int().min(0).max(max).optional() });
const mediaBody = z.object({ latency: pair(10_000), jitter: pair(10_000), packetLoss: pair(100) });
const cpuBody = z.object({ clientCpuMax: z.object({ cpu: z.number().int().min(0).max(100).optional() }), systemCpuMax: z.object({ cpu: z.number().int().min(0).max(100).optional() }) });

type MediaState = Map<Exclude<ThresholdType, "CPU">, { latency: Pair; jitter: Pair; packetLoss: Pair }>;
interface State {
  since: number;
  media: MediaState;
  cpu: { client: number | null; system: number | null };
}

const badBody = (error: z.ZodError) => new SimError(400, "MBI.100001", `PARAM_ERROR: ${error.issues[0]?.path.join(".")} ${error.issues[0]?.message}`);

/** Every set of thresholds that has been in force, oldest first: an edit applies to new points only, old ones keep theirs. */
export class QualityThresholds {
  private readonly states: State[] = [{ since: 0, media: new Map(), cpu: { client: null, system: null } }];

  private at(t: number): State {
    for (let i = this.states.length - 1; i > 0; i--) if (this.states[i]!.since <= t) return this.states[i]!;
    return this.states[0]!;
  }

  private get current(): State {
    return this.states.at(-1)!;
  }

  /** What was in force at `t` for a metric of a media type and direction. */
  effective(type: Exclude<ThresholdType, "CPU">, metric: "latency" | "jitter" | "packetLoss", direction: "receiving" | "sending", t = Date.now()): number {
    return this.at(t).media.get(type)?.[metric][direction] ?? DEFAULTS[metric];
  }

  effectiveCpu(which: "client" | "system", t = Date.now()): number {
    return this.at(t).cpu[which] ?? DEFAULTS.cpu;
  }

  /** Whether the media thresholds in force at `t` all stand above what a good connection ever reaches (quality-model's ranges), so its points need no look. */
  quietMedia(t: number, good: { latency: number; jitter: number; lossPercent: number }): boolean {
    const types = ["AUDIO", "VIDEO", "SCREEN"] as const;
    return types.every((type) =>
      (["receiving", "sending"] as const).every(
        (d) => this.effective(type, "latency", d, t) >= good.latency && this.effective(type, "jitter", d, t) >= good.jitter && this.effective(type, "packetLoss", d, t) >= good.lossPercent,
      ),
    );
  }

  /** GET's answer: custom values (the default until set) beside the defaults. */
  show(type: ThresholdType) {
    if (type === "CPU") {
      return {
        clientCpuMax: { cpu: this.effectiveCpu("client"), cpuDefault: DEFAULTS.cpu },
        systemCpuMax: { cpu: this.effectiveCpu("system"), cpuDefault: DEFAULTS.cpu },
      };
    }
    const entry = (metric: "latency" | "jitter" | "packetLoss") => ({
      receiving: this.effective(type, metric, "receiving"),
      receivingDefault: DEFAULTS[metric],
      sending: this.effective(type, metric, "sending"),
      sendingDefault: DEFAULTS[metric],
    });
    return { latency: entry("latency"), jitter: entry("jitter"), packetLoss: entry("packetLoss") };
  }

  /** POST's body: an absent leaf keeps the current value; out of range or a missing object is a 400. */
  set(type: ThresholdType, body: unknown, now = Date.now()): void {
    const { media, cpu } = this.current;
    const next: State = { since: now, media: new Map(media), cpu: { ...cpu } };
    if (type === "CPU") {
      const parsed = cpuBody.safeParse(body);
      if (!parsed.success) throw badBody(parsed.error);
      next.cpu = { client: parsed.data.clientCpuMax.cpu ?? cpu.client, system: parsed.data.systemCpuMax.cpu ?? cpu.system };
    } else {
      const parsed = mediaBody.safeParse(body);
      if (!parsed.success) throw badBody(parsed.error);
      const was = media.get(type);
      const merge = (metric: "latency" | "jitter" | "packetLoss"): Pair => ({
        receiving: parsed.data[metric].receiving ?? was?.[metric].receiving ?? null,
        sending: parsed.data[metric].sending ?? was?.[metric].sending ?? null,
      });
      next.media.set(type, { latency: merge("latency"), jitter: merge("jitter"), packetLoss: merge("packetLoss") });
    }
    this.states.push(next);
  }
}
