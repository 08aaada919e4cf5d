import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATOR_DEFAULTS, startSimulator, type Simulator } from "./server";

// Requests shaped as Huawei's official Python SDK sends them (meeting_credentials.py,
// meeting_client.py), and the fields its models read from the answers.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ tickMs: 0, seed: 11 });
});
afterAll(() => sim.close());

async function sdkSignIn(userId: string): Promise<string> {
  const { appId, appKey } = SIMULATOR_DEFAULTS;
  const expireTime = Math.floor(Date.now() / 1000) + 600;
  const nonce = randomUUID();
  const signature = createHmac("sha256", appKey).update(`${appId}:${userId}:${expireTime}:${nonce}`).digest("hex").toUpperCase();
  const res = await fetch(`${sim.url}/v2/usg/acs/auth/appauth`, {
    method: "POST",
    headers: { authorization: `HMAC-SHA256 signature=${signature},access=${Buffer.from(appId).toString("base64")}`, "content-type": "application/json" },
    body: JSON.stringify({ appId, clientType: 72, expireTime, nonce, userId, corpId: null, deptCode: null }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

describe("the simulator takes what the official SDK sends", () => {
  it("signs in with an upper-case signature, userId \"\", null corpId and deptCode, and a UUID nonce", async () => {
    expect(await sdkSignIn("")).toMatch(/^stb/);
  });

  it("answers confDetail with the caller's role, and the control token with tmpWsToken and supportNotifyType", async () => {
    const meeting = [...sim.world.ongoing.values()].find((m) => m.scheduler.userId === "alice.chen")!;
    const token = await sdkSignIn("alice.chen");
    const detail = (await (await fetch(`${sim.url}/v1/mmc/management/conferences/confDetail?conferenceID=${meeting.conferenceID}`, { headers: { "x-access-token": token } })).json()) as {
      conferenceData: { role?: string; passwordEntry: { conferenceRole: string; password: string }[] };
    };
    expect(detail.conferenceData.role).toBe("chair");
    const chair = detail.conferenceData.passwordEntry.find((p) => p.conferenceRole === "chair")!.password;
    expect(chair).toBe(meeting.chairPassword);
    // The SDK sends its access token on control calls as well; the simulator, like Huawei, ignores it.
    const res = await fetch(`${sim.url}/v1/mmc/control/conferences/token?conferenceID=${meeting.conferenceID}`, {
      headers: { "x-access-token": token, "x-password": chair, "x-login-type": "1" },
    });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    expect(data.tmpWsToken).toMatch(/^cnr/);
    expect(data.supportNotifyType).toContain("ParticipantsNotify");
    expect(data.role).toBe(1);
  });

  it("answers an admin for whom the chair password is withheld with ****** or no chair entry, and refuses a wrong one", async () => {
    const [masked, absent] = [...sim.world.ongoing.values()];
    masked!.chairForAdmins = "masked";
    absent!.chairForAdmins = "absent";
    const token = await sdkSignIn("");
    const chairOf = async (id: string) => {
      const body = (await (await fetch(`${sim.url}/v1/mmc/management/conferences/confDetail?conferenceID=${id}`, { headers: { "x-access-token": token } })).json()) as {
        conferenceData: { passwordEntry: { conferenceRole: string; password: string }[]; onlineAttendeeAmount?: number };
      };
      expect(body.conferenceData.onlineAttendeeAmount).toBeUndefined();
      return body.conferenceData.passwordEntry.find((p) => p.conferenceRole === "chair")?.password;
    };
    expect(await chairOf(masked!.conferenceID)).toBe("******");
    expect(await chairOf(absent!.conferenceID)).toBeUndefined();
    const refused = await fetch(`${sim.url}/v1/mmc/control/conferences/token?conferenceID=${masked!.conferenceID}`, { headers: { "x-password": "******", "x-login-type": "1" } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error_code: "MMC.111072065", error_msg: "CONF_NOT_FOUND_OR_AUTH_FAILED" });
  });

  it("words attendee records in Chinese by default and in English when asked", async () => {
    const token = await sdkSignIn("");
    const past = sim.world.history.find((m) => m.sessions.length > 0)!;
    const words = async (language?: string) => {
      const res = await fetch(`${sim.url}/v1/mmc/management/conferences/history/confAttendeeRecord?confUUID=${past.confUUID}`, {
        headers: { "x-access-token": token, ...(language ? { "accept-language": language } : {}) },
      });
      const body = (await res.json()) as { data: { deviceType: string; mediaType: string }[] };
      return body.data[0]!;
    };
    expect((await words()).mediaType).toMatch(/^(视频|语音)$/);
    expect((await words("zh-CN")).deviceType).toMatch(/终端/);
    expect((await words("en-US")).mediaType).toMatch(/^(Video|Voice)$/);
  });
});
