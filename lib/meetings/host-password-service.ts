import { HttpError } from "@/lib/api/errors";
import { FailureThrottle } from "@/lib/auth/failure-throttle";
import type { Viewer } from "@/lib/auth/viewer";
import { HOST_PASSWORD_REFUSED } from "@/lib/huawei/error-codes";
import type { HuaweiClient } from "@/lib/huawei/client";
import type { HostPasswords } from "@/lib/live/host-passwords";
import { mayEnterHostPassword, type MeetingsService } from "./meetings-service";

/**
 * A host password given on the meeting page, for a meeting whose password Huawei withholds from
 * the dashboard's account. It is checked with Huawei at once (a control token is bought with it),
 * kept only if Huawei takes it, and then starts the live watcher wherever it runs.
 */
export class HostPasswordService {
  constructor(
    private readonly huawei: HuaweiClient,
    private readonly meetings: MeetingsService,
    private readonly passwords: HostPasswords,
    /** Five wrong passwords per person and meeting, then a ten-minute wait. */
    private readonly throttle = new FailureThrottle(5, 10 * 60_000),
  ) {}

  async submit(viewer: Viewer, conferenceID: string, password: string): Promise<void> {
    // Not found (or not visible to a host) answers 404 from here, before any password is tried.
    const { value } = await this.meetings.detail(viewer, conferenceID);
    if (!mayEnterHostPassword(viewer, value.callerRole)) {
      throw new HttpError(403, "forbidden", "Only an admin or the meeting's host can give its host password.");
    }
    const attempt = this.throttle.begin(`${viewer.username}|${conferenceID}`);
    if (!attempt.ok) {
      const minutes = Math.ceil(attempt.retryAfterMs / 60_000);
      throw new HttpError(429, "too_many_attempts", `Too many wrong host passwords for this meeting; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
        "retry-after": String(Math.ceil(attempt.retryAfterMs / 1000)),
      });
    }
    try {
      await this.huawei.controlToken(conferenceID, password);
    } catch (error) {
      const refused = (error as { code?: string }).code === HOST_PASSWORD_REFUSED;
      // Only a refusal is a wrong guess; Huawei failing to answer gives the place back.
      attempt.done(refused ? false : undefined);
      if (!refused) throw error;
      throw new HttpError(400, "wrong_host_password", "Huawei did not accept this host password for the meeting.");
    }
    attempt.done(true);
    await this.passwords.set(conferenceID, password);
  }
}
