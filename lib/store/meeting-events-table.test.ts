import { afterEach, describe, expect, it } from "vitest";
import { ENGINES, testStore } from "@/tests/stores";
import { MeetingEventsTable } from "./meeting-events-table";
import type { MeetingEventRow } from "./schema";

const T = Date.UTC(2026, 11, 4, 10, 0, 0);
const ev = (at: number, pid: string, field: string, value: unknown, initial = 0): MeetingEventRow => ({ conferenceId: "m1", at, seenAt: at + 10, pid, name: pid, field, value: JSON.stringify(value), initial });

describe.each(ENGINES)("the replay's log on %s", (engine) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });
  const table = async () => {
    const { store, close } = await testStore(engine);
    closers.push(close);
    return new MeetingEventsTable(store);
  };

  it("keeps each change once, in order (a join before its flags, a leave after), with its spans", async () => {
    const log = await table();
    await log.append([ev(T, "a", "muted", true, 1), ev(T, "a", "present", true, 1), ev(T + 1_000, "a", "muted", false)], [{ spanId: "s1", conferenceId: "m1", fromAt: T, toAt: T + 1_000 }]);
    // The same change written again by another instance, and the span moved on.
    await log.append([ev(T + 1_000, "a", "muted", false), ev(T + 1_500, "a", "speaking", true), ev(T + 2_000, "a", "present", false), ev(T + 2_000, "a", "handRaised", false)], [{ spanId: "s1", conferenceId: "m1", fromAt: T, toAt: T + 2_000 }]);
    expect((await log.between("m1", T, T + 5_000)).map((e) => `${e.at - T}:${e.field}=${e.value}`)).toEqual(["0:present=true", "0:muted=true", "1000:muted=false", "1500:speaking=true", "2000:handRaised=false", "2000:present=false"]);
    expect(await log.spans("m1", T, T + 5_000)).toEqual([{ spanId: "s1", conferenceId: "m1", fromAt: T, toAt: T + 2_000 }]);
    expect(await log.spans("m1", T + 3_000, T + 5_000)).toEqual([]);
    // A person's changes leave out the state as found, and who spoke when (the chart and the log have that).
    expect((await log.changesOf("m1", "a", T - 1, 100)).map((e) => e.field)).toEqual(["muted", "handRaised", "present"]);
    expect(await log.purge(T + 1_500)).toBe(3);
    expect(await log.between("m1", T, T + 5_000)).toHaveLength(3);
  });
});
