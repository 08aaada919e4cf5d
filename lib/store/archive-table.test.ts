import { afterEach, describe, expect, it } from "vitest";
import { ENGINES, testStore } from "@/tests/stores";
import { ArchiveTable } from "./archive-table";
import type { ArchivedMeetingRow, ArchiveQualityRow, AttendanceRecordRow } from "./schema";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);

function meeting(confUuid: string, startedAt: number): ArchivedMeetingRow {
  return { confUuid, conferenceId: "123456789", subject: "Weekly", schedulerName: "A", schedulerUuid: "u", deptName: null, startedAt, endedAt: startedAt + HOUR, conference: "{}", invitees: "[]", recordCount: 0, collectedAt: startedAt + HOUR, settled: 1 };
}

function record(confUuid: string, seq: number, name: string, number: string | null, dept: string | null, ms: number): AttendanceRecordRow {
  return { confUuid, seq, displayName: name, callNumber: number, personKey: number ? `c:${number}` : `n:${name}`, account: null, deptName: dept, joinTime: T0, leftTime: T0 + ms, countedMs: ms, deviceZh: null, deviceEn: null, mediaZh: null, mediaEn: null };
}

describe.each(ENGINES)("the archive's department sums and people on %s", (engine) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });
  const archive = async () => {
    const { store, close } = await testStore(engine);
    closers.push(close);
    return new ArchiveTable(store);
  };
  const sums = async (a: ArchiveTable) => (await a.departmentDays({ from: T0 - 10 * 24 * HOUR, to: T0 + 10 * 24 * HOUR }, 0, null)).sort((x, y) => (x.deptName ?? "").localeCompare(y.deptName ?? "") || x.day - y.day);

  it("adds a meeting's people and time per department, and replaces them exactly when it is stored again", async () => {
    const a = await archive();
    const m1 = meeting("a".repeat(32), T0);
    await a.save(m1, [record(m1.confUuid, 0, "Ann", "+1", "Sales", 600_000), record(m1.confUuid, 1, "Ann", "+1", "Sales", 0), record(m1.confUuid, 2, "Bo", "+2", null, 300_000)], []);
    const m2 = meeting("b".repeat(32), T0 + 30 * 60_000);
    await a.save(m2, [record(m2.confUuid, 0, "Cy", "+3", "Sales", 60_000)], []);
    const day = Math.floor(T0 / (24 * HOUR));
    expect(await sums(a)).toEqual([
      { deptName: null, day, meetings: 1, attendances: 1, personMs: 300_000 },
      { deptName: "Sales", day, meetings: 2, attendances: 2, personMs: 660_000 },
    ]);
    // Collected again with its records settled: Bo left, Dee came.
    await a.save(m1, [record(m1.confUuid, 0, "Ann", "+1", "Sales", 900_000), record(m1.confUuid, 1, "Dee", "+4", "Legal", 120_000)], []);
    expect(await sums(a)).toEqual([
      { deptName: "Legal", day, meetings: 1, attendances: 1, personMs: 120_000 },
      { deptName: "Sales", day, meetings: 2, attendances: 2, personMs: 960_000 },
    ]);
    // Purged to the hour: both started between 09:00 and 10:00, so both go, and their sums with them.
    expect(await a.purgeBefore(T0 + HOUR)).toEqual({ meetings: 2, records: 3 });
    expect(await sums(a)).toEqual([]);
  });

  it("finds a person by part of a name, by number or by account, through the directory of people", async () => {
    const a = await archive();
    const m = meeting("c".repeat(32), T0);
    await a.save(m, [{ ...record(m.confUuid, 0, "王小明", "+861", "IT", 60_000), account: "wang.xm" }, record(m.confUuid, 1, "Guest 100%", null, null, 60_000)], []);
    const range = { from: T0 - HOUR, to: T0 + HOUR };
    expect((await a.personRecords("小明", range, null, 10)).map((r) => r.displayName)).toEqual(["王小明"]);
    expect((await a.personRecords("+861", range, null, 10)).map((r) => r.displayName)).toEqual(["王小明"]);
    expect((await a.personRecords("wang.xm", range, null, 10)).map((r) => r.displayName)).toEqual(["王小明"]);
    expect((await a.personRecords("100%", range, null, 10)).map((r) => r.displayName)).toEqual(["Guest 100%"]);
    expect(await a.personRecords("%", { from: T0 - HOUR, to: T0 + HOUR }, null, 10)).toHaveLength(1);
    expect(await a.personRecords("王", { from: T0 + HOUR, to: T0 + 2 * HOUR }, null, 10)).toEqual([]);
    // A host sees a meeting only with one of its keys.
    expect(await a.personRecords("王", range, ["account:someone"], 10)).toEqual([]);
  });

  it("keeps each person's quality alarms with the meeting: its health is any person's alarm, counted per person, kept when collected again without quality, purged with it", async () => {
    const a = await archive();
    const m = meeting("d".repeat(32), T0);
    const person = (seq: number, id: string, alarms: Partial<ArchiveQualityRow>): ArchiveQualityRow => ({
      confUuid: m.confUuid, seq, participantId: id, displayName: id, joinTime: T0, terminalType: "PC", networkType: "wifi", appVersion: "9.1",
      audioSend: 0, audioReceive: 0, videoSend: 0, videoReceive: 0, screenSend: 0, screenReceive: 0, cpu: 0, ...alarms,
    });
    // Ann rejoined (two sessions, one person), Bo's CPU alarmed, Cy was fine.
    const quality = [person(0, "ann", { videoReceive: 1 }), person(1, "ann", { audioSend: 1 }), person(2, "bo", { cpu: 1 }), person(3, "cy", {})];
    await a.saveMany([{ meeting: m, records: [record(m.confUuid, 0, "Ann", "+1", null, 60_000)], accessKeys: [], quality }]);
    const fetchedAt = new Date(m.collectedAt).toISOString();
    expect(await a.healthOf([m.confUuid, "e".repeat(32)])).toEqual(new Map([[m.confUuid, { audio: true, video: true, screen: false, cpu: true, affected: 2, fetchedAt }]]));
    await a.saveMany([{ meeting: { ...m, settled: 1 }, records: [], accessKeys: [] }]);
    expect((await a.healthOf([m.confUuid])).get(m.confUuid)?.affected).toBe(2);
    await a.saveMany([{ meeting: m, records: [], accessKeys: [], quality: [person(0, "cy", {})] }]);
    expect((await a.healthOf([m.confUuid])).get(m.confUuid)).toMatchObject({ audio: false, video: false, screen: false, cpu: false, affected: 0 });
    await a.purgeBefore(T0 + HOUR);
    expect(await a.healthOf([m.confUuid])).toEqual(new Map());
  });
});
