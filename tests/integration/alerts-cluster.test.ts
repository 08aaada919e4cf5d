import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertsResponse } from "@/lib/alerts/alert-schemas";
import { startSimulator, type Simulator } from "@/server/simulator/server";
import type { SimMeeting } from "@/server/simulator/world";
import { Browser, startCluster, type Dashboard } from "./dashboard";
import { eventually } from "./live-client";
import { PlatformReceivers, SECRETS } from "./platform-receivers";

// Two instances sharing this machine's Redis and a PostgreSQL database of their own.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

let sim: Simulator;
let a: Dashboard;
let b: Dashboard;
const receivers = new PlatformReceivers();

beforeAll(async () => {
  await receivers.start();
  sim = await startSimulator({ tickMs: 0, seed: 3030 });
  [a, b] = await startCluster(sim.url, REDIS_URL, { MEETINGS_POLL_MS: "300", ALERT_TICK_MS: "200", ALERT_LEASE_TTL_MS: "2000", ALERT_RETRY_BASE_MS: "300" });
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await sim?.close();
  await receivers.stop();
});

async function admin(dash: Dashboard): Promise<Browser> {
  const browser = new Browser(dash.url);
  expect((await browser.login("admin", "cluster-admin-pw")).status).toBe(200);
  return browser;
}

const runsAlerting = (dash: Dashboard) => dash.output().includes("this instance runs alerting");
const hostless = (m: SimMeeting) => {
  for (const p of [...m.participants.values()]) {
    if (p.role === "host") sim.world.leave(m, p.pid);
    else if (p.role === "cohost") sim.world.changeParticipant(m, p.pid, { role: "participant" });
  }
};
const toldAbout = (m: SimMeeting) => receivers.of("webhook").filter((r) => (r.body.alerts as { alert: { conferenceID: string } | null }[])[0]?.alert?.conferenceID === m.conferenceID);

describe("alerting in a cluster", () => {
  it("one instance evaluates and sends, whichever instance was asked; the other takes over when it stops", async () => {
    const [onA, onB] = [await admin(a), await admin(b)];
    const made = await onA.post("/api/alerts/channels", { kind: "webhook", name: "cluster hook", url: receivers.urls().webhook, secret: SECRETS.webhook, language: "en" });
    const { id: channel } = (await made.json()) as { id: string };
    const meetings = [...sim.world.ongoing.values()].filter((m) => m.chairForAdmins === "clear" && m.participants.size >= 4 && m.participants.size <= 30);
    const [first, second] = meetings as [SimMeeting, SimMeeting];
    expect((await onB.post("/api/alerts/rules", { reason: "no_host", channelIds: [channel], scope: { conferenceIds: [first.conferenceID, second.conferenceID] } })).status).toBe(201);
    await eventually(() => runsAlerting(a) || runsAlerting(b), 10_000, "an instance runs alerting");
    expect(runsAlerting(a) && runsAlerting(b)).toBe(false);

    await eventually(async () => {
      const { unwatched, evaluatedAt } = (await onA.json<AlertsResponse>("/api/alerts")).body;
      return evaluatedAt !== null && unwatched.length === 0;
    }, 20_000, "watched");
    await new Promise((r) => setTimeout(r, 1_000));
    hostless(first);
    await eventually(() => toldAbout(first).length > 0, 15_000, "first alert told");
    await new Promise((r) => setTimeout(r, 2_000));
    expect(toldAbout(first)).toHaveLength(1);
    // Both instances show the same alert, with its delivery.
    for (const browser of [onA, onB]) {
      const { firing } = (await browser.json<AlertsResponse>("/api/alerts")).body;
      expect(firing.filter((x) => x.conferenceID === first.conferenceID).map((x) => x.deliveries.map((d) => d.state))).toEqual([["delivered"]]);
    }

    // The instance that runs alerting stops: the other takes over, keeps the open alert, and tells the next one.
    const [holder, other] = runsAlerting(a) ? [a, b] : [b, a];
    await holder.stop();
    await eventually(() => runsAlerting(other), 15_000, "the other instance takes over");
    hostless(second);
    await eventually(() => toldAbout(second).length > 0, 20_000, "second alert told after the failover");
    await new Promise((r) => setTimeout(r, 2_000));
    expect(toldAbout(first)).toHaveLength(1);
    expect(toldAbout(second)).toHaveLength(1);
    const survivor = other === a ? onA : onB;
    const { firing } = (await survivor.json<AlertsResponse>("/api/alerts")).body;
    expect(firing.filter((x) => x.conferenceID === first.conferenceID)).toHaveLength(1);
  });
});
