import { afterEach, describe, expect, it } from "vitest";
import { ENGINES, testStore } from "@/tests/stores";
import { AlertOutboxTable } from "./alert-outbox-table";
import { AlertsTable } from "./alerts-table";
import type { AlertOutboxRow, AlertRow } from "./schema";

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

const alert = (id: string, ruleId = "r1", conferenceId = "m1"): AlertRow => ({
  id, ruleId, ruleName: "n", openKey: `${ruleId}:${conferenceId}`, reason: "no_host", severity: "critical", conferenceId, subject: "s", hostName: null,
  detail: JSON.stringify({ key: "noHost", values: {} }), since: T0, firedAt: T0, clearedAt: null, lastNotifiedAt: T0, ackedBy: null, ackedAt: null, silencedBy: null, silencedUntil: null,
});
const message = (id: string, alertId: string | null, idemKey = `${alertId}:fire:${id}`): AlertOutboxRow => ({
  id, idemKey, alertId, channelId: "c1", kind: "fire", state: "pending", attempts: 0, nextAttemptAt: T0, claimedUntil: null, answer: null, summarized: 0, createdAt: T0, deliveredAt: null,
});

describe.each(ENGINES)("alerts and their outbox on %s", (engine) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });
  const tables = async () => {
    const { store, close } = await testStore(engine);
    closers.push(close);
    return { alerts: new AlertsTable(store), outbox: new AlertOutboxTable(store) };
  };

  it("records an alert with its messages at once, one open alert per rule and meeting, and a message once per key", async () => {
    const { alerts, outbox } = await tables();
    expect(await alerts.open(alert("a1"), [message("o1", "a1")])).toBe(true);
    // A second evaluator firing the same rule for the same meeting is refused, and writes no message.
    expect(await alerts.open(alert("a2"), [message("o2", "a2")])).toBe(false);
    expect((await alerts.firing()).map((a) => a.id)).toEqual(["a1"]);
    expect((await alerts.messagesOf(["a1", "a2"])).map((m) => m.id)).toEqual(["o1"]);
    await outbox.insert([message("o3", "a1", "a1:fire:o1")]);
    expect(await alerts.messagesOf(["a1"])).toHaveLength(1);
    // Recovered, the rule may fire again for the meeting.
    await alerts.recover("a1", T0 + 1000, [message("o4", "a1", "a1:recover")]);
    expect(await alerts.open(alert("a3"), [])).toBe(true);
    expect((await alerts.recent(10)).map((a) => [a.id, a.clearedAt])).toEqual([["a1", T0 + 1000]]);
  });

  it("claims due messages once, claims again those a dead sender left, and keeps the platform's answer", async () => {
    const { alerts, outbox } = await tables();
    await alerts.open(alert("a1"), [message("o1", "a1"), { ...message("o2", "a1"), nextAttemptAt: T0 + 60_000 }]);
    const first = await outbox.claimDue(T0, T0 + 10_000, 10);
    expect(first.map((m) => m.id)).toEqual(["o1"]);
    // Claimed: not due for another sender while the claim holds...
    expect(await outbox.claimDue(T0 + 5_000, T0 + 15_000, 10)).toEqual([]);
    // ...and due again once it ran out (the sender died mid-send).
    expect((await outbox.claimDue(T0 + 11_000, T0 + 21_000, 10)).map((m) => m.id)).toEqual(["o1"]);
    await outbox.retry(["o1"], "HTTP 502", T0 + 12_000, true);
    expect((await outbox.get("o1"))).toMatchObject({ state: "pending", attempts: 1, answer: "HTTP 502" });
    await outbox.claimDue(T0 + 12_000, T0 + 22_000, 10);
    await outbox.delivered(["o1"], "HTTP 200: ok", T0 + 12_500, false);
    expect(await outbox.get("o1")).toMatchObject({ state: "delivered", attempts: 2, deliveredAt: T0 + 12_500, claimedUntil: null });
    expect(await outbox.backlog()).toBe(1);
    await outbox.failed(["o2"], "gone");
    expect(await outbox.backlog()).toBe(0);
  });

  it("purges recovered alerts past retention with their messages, and keeps firing ones", async () => {
    const { alerts, outbox } = await tables();
    await alerts.open(alert("old"), [message("o1", "old")]);
    await alerts.recover("old", T0 + 1, []);
    await alerts.open({ ...alert("firing", "r2"), firedAt: T0 - 1 }, [message("o2", "firing")]);
    await outbox.insert([{ ...message("t1", null, "test:t1"), kind: "test" }]);
    expect(await alerts.purge(T0 + 10)).toBe(1);
    expect(await alerts.get("old")).toBeUndefined();
    expect(await outbox.get("o1")).toBeUndefined();
    expect(await outbox.get("t1")).toBeUndefined();
    expect(await alerts.get("firing")).toBeDefined();
    expect(await outbox.get("o2")).toBeDefined();
  });
});
