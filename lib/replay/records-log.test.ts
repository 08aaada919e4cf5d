import { describe, expect, it } from "vitest";
import type { AttendanceRecordRow, ControlRecordRow } from "@/lib/store/schema";
import { operationOf, recordsLog } from "./records-log";
import { stateAt } from "./replay-state";

const T = Date.UTC(2026, 11, 4, 10, 0, 0);
const MIN = 60_000;
const record = (seq: number, name: string, from: number, to: number | null): AttendanceRecordRow =>
  ({ confUuid: "c", seq, displayName: name, joinTime: T + from * MIN, leftTime: to === null ? null : T + to * MIN }) as AttendanceRecordRow;
const control = (seq: number, at: number, operateCode: string, operationObject: string, operateResult = "success", operator = "Ann"): ControlRecordRow => ({
  confUuid: "c",
  seq,
  operateTime: T + at * MIN,
  operateSource: "PC client",
  operator,
  operateCode,
  operationObject,
  operateResult,
  detail: null,
});

describe("Huawei's control records, read", () => {
  it("recognises mutes, roles and the lock in English and Chinese, the most specific reading first", () => {
    expect(operationOf("Mute participant")).toEqual({ field: "muted", value: true });
    expect(operationOf("Unmute participant")).toEqual({ field: "muted", value: false });
    expect(operationOf("Mute all")).toEqual({ field: "muted", value: true, everyone: true });
    expect(operationOf("Unmute all participants")).toEqual({ field: "muted", value: false, everyone: true });
    expect(operationOf("静音与会者")).toEqual({ field: "muted", value: true });
    expect(operationOf("取消静音")).toEqual({ field: "muted", value: false });
    expect(operationOf("全场静音")).toEqual({ field: "muted", value: true, everyone: true });
    expect(operationOf("取消全场静音")).toEqual({ field: "muted", value: false, everyone: true });
    expect(operationOf("Set co-host")).toEqual({ field: "role", value: "cohost" });
    expect(operationOf("Cancel co-host")).toEqual({ field: "role", value: "participant" });
    expect(operationOf("设置联席主持人")).toEqual({ field: "role", value: "cohost" });
    expect(operationOf("取消联席主持人")).toEqual({ field: "role", value: "participant" });
    expect(operationOf("Transfer host")).toEqual({ field: "role", value: "host" });
    expect(operationOf("Lock conference")).toEqual({ field: "locked", value: true });
    expect(operationOf("Unlock conference")).toEqual({ field: "locked", value: false });
    expect(operationOf("锁定会议")).toEqual({ field: "locked", value: true });
    expect(operationOf("解锁会议")).toEqual({ field: "locked", value: false });
    // What it cannot read it leaves alone rather than guess.
    expect(operationOf("Start recording")).toBeNull();
    expect(operationOf(null)).toBeNull();
  });

  it("rebuild a meeting nobody watched: presence from the attendee records, and what the host did to whom, when", () => {
    const records = [record(1, "Ann", 0, 60), record(2, "Bo", 1, 30), record(3, "Bo", 40, null), record(4, "Cy", 2, 50)];
    const controls = [
      control(1, 5, "Lock conference", "Weekly sync"),
      control(2, 10, "Mute participant", "Bo"),
      control(3, 12, "Set co-host", "Cy"),
      control(4, 15, "Mute participant", "Nobody here"),
      control(5, 20, "Mute all", "Weekly sync"),
      control(6, 25, "Unmute participant", "Cy", "failed"),
      control(7, 45, "Unmute all", "Weekly sync"),
      control(8, 46, "Start recording", "Weekly sync"),
    ];
    const log = recordsLog(records, controls);
    const at = (min: number) => stateAt(log.map((e) => ({ ...e, value: JSON.parse(e.value) as boolean | string })), T + min * MIN);
    const person = (min: number, pid: string) => at(min).participants.find((p) => p.pid === pid);

    expect(at(3).locked).toBeNull();
    expect(person(3, "record-2")).toMatchObject({ name: "Bo", muted: null, role: null, handRaised: null });
    expect(at(6).locked).toBe(true);
    expect(person(11, "record-2")!.muted).toBe(true);
    expect(person(13, "record-4")!.role).toBe("cohost");
    // Muting everyone spares the host who did it.
    expect(person(21, "record-1")!.muted).toBeNull();
    expect(person(21, "record-4")!.muted).toBe(true);
    // A failed operation changed nothing.
    expect(person(26, "record-4")!.muted).toBe(true);
    // Bo's second session starts unknown again; unmuting everyone reaches whoever is there then.
    expect(person(41, "record-3")!.muted).toBeNull();
    expect(person(45, "record-3")!.muted).toBe(false);
    expect(at(61).participants.map((p) => p.pid)).toEqual(["record-3"]);
    // Who did it rides along.
    expect(log.find((e) => e.field === "muted" && e.pid === "record-2")).toMatchObject({ by: "Ann", value: "true" });
    expect(log.filter((e) => e.field === "muted" && e.at === T + 20 * MIN).map((e) => e.pid)).toEqual(["record-2", "record-4"]);
  });
});
