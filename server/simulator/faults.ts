import { z } from "zod";

export const faultSchema = z.object({
  /** Path prefix the fault applies to, e.g. "/v1/mmc/management/conferences/online". */
  path: z.string().startsWith("/"),
  /** How many matching calls fail; they are consumed in order. */
  count: z.number().int().min(1).default(1),
  /** Answer with this status and Huawei's error body for it. */
  status: z.number().int().min(400).max(599).optional(),
  /** Never answer (the caller's timeout must fire). */
  hang: z.boolean().optional(),
  /** Cut the connection without an answer. */
  drop: z.boolean().optional(),
  /** Answer as usual, but this much later (a slow Huawei). */
  delayMs: z.number().int().min(1).max(60_000).optional(),
  /** Answer with this body instead of Huawei's usual one (error bodies in the other spellings Huawei uses). */
  body: z.record(z.string(), z.unknown()).optional(),
});
export type Fault = z.infer<typeof faultSchema>;

/** Injected failures for tests: the next N calls to a path fail in a chosen way. */
export class FaultBook {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  /** Consumes and returns the first fault that matches this path, if any. */
  take(path: string): Fault | undefined {
    const fault = this.faults.find((f) => path.startsWith(f.path));
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

/** Huawei's error bodies for the statuses tests inject. */
export function faultBody(status: number): { error_code: string; error_msg: string } {
  if (status === 429) {
    return {
      error_code: "APIGW.0308",
      error_msg: "The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second",
    };
  }
  if (status === 401) return { error_code: "USG.000000004", error_msg: "Invalid token" };
  if (status === 403) return { error_code: "USG.000000003", error_msg: "No permission" };
  if (status >= 500) return { error_code: "MMC.000000500", error_msg: "SYSTEM_ERROR" };
  return { error_code: "MMC.111070001", error_msg: "PARAM_ERROR" };
}
