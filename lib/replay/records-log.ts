import { MEETING_PID, withinInstant, type LogField } from "@/lib/domain/replay";
import type { AttendanceRecordRow, ControlRecordRow } from "@/lib/store/schema";

/** An entry of a log rebuilt from Huawei's records, as the replay's own log holds them (values as JSON), with who did it. */
export interface RecordsLogEntry {
  at: number;
  pid: string;
  name: string;
  field: LogField;
  value: string;
  by?: string;
}

type Operation =
  | { field: "muted" | "locked"; value: boolean; everyone?: boolean }
  | { field: "role"; value: "host" | "cohost" | "participant" };

/**
 * What a control record did, read from its `operateCode`. Huawei documents the field only as a
 * description (操作描述) and names none of its values, so the words are matched loosely, in
 * English and Chinese (the Accept-Language of the call decides which), most specific first; an
 * operation not recognised stays out of the state (it is still in Huawei's record, not guessed).
 */
const OPERATIONS: [RegExp, Operation][] = [
  [/(un-?mute|cancel mute|取消静音|解除静音).*(all|everyone|全场|全体|所有)|(取消|解除)(全场|全体)静音/i, { field: "muted", value: false, everyone: true }],
  [/mute.*(all|everyone)|(全场|全体)静音/i, { field: "muted", value: true, everyone: true }],
  [/un-?mute|cancel mute|取消静音|解除静音/i, { field: "muted", value: false }],
  [/mute|静音/i, { field: "muted", value: true }],
  [/(cancel|remove|revoke).*co-?host|取消联席主持人/i, { field: "role", value: "participant" }],
  [/co-?host|联席主持人/i, { field: "role", value: "cohost" }],
  [/(transfer|hand over|set|assign|apply).*(host|chair)|移交主持人|设置主持人|设为主持人|申请主持人/i, { field: "role", value: "host" }],
  [/un-?lock|解锁|取消锁定|解除锁定/i, { field: "locked", value: false }],
  [/lock|锁定/i, { field: "locked", value: true }],
];

export function operationOf(operateCode: string | null): Operation | null {
  if (!operateCode) return null;
  return OPERATIONS.find(([words]) => words.test(operateCode))?.[1] ?? null;
}

/** A record of an operation that did not go through. Huawei's result words are undocumented too: only a plain failure counts as one. */
const failed = (result: string | null) => result !== null && /fail|error|失败|错误/i.test(result);

/**
 * A past meeting nobody watched, as a log: each attendee record's join and leave, and what the
 * host's control records say of mutes, roles and the lock. A control record names its target by
 * display name (`operationObject`); it applies to the session of that name present then (each
 * rejoin is a session of its own, whose state starts unknown again).
 */
export function recordsLog(records: readonly AttendanceRecordRow[], controls: readonly ControlRecordRow[]): RecordsLogEntry[] {
  const sessions = records.map((r) => ({ pid: `record-${r.seq}`, name: r.displayName, from: r.joinTime, to: r.leftTime ?? Number.POSITIVE_INFINITY }));
  const out: RecordsLogEntry[] = [];
  for (const s of sessions) {
    out.push({ at: s.from, pid: s.pid, name: s.name, field: "present", value: "true" });
    if (Number.isFinite(s.to)) out.push({ at: s.to, pid: s.pid, name: s.name, field: "present", value: "false" });
  }
  for (const c of controls) {
    const op = operationOf(c.operateCode);
    if (!op || failed(c.operateResult)) continue;
    const by = c.operator?.trim() || undefined;
    const entry = (pid: string, name: string): RecordsLogEntry => ({ at: c.operateTime, pid, name, field: op.field, value: JSON.stringify(op.value), ...(by ? { by } : {}) });
    if (op.field === "locked") {
      out.push(entry(MEETING_PID, ""));
      continue;
    }
    const present = sessions.filter((s) => s.from <= c.operateTime && c.operateTime < s.to);
    // Muting everyone leaves the one who did it (the host) as they were.
    const targets = "everyone" in op && op.everyone ? present.filter((s) => s.name !== by) : present.filter((s) => s.name === c.operationObject?.trim());
    for (const s of targets) out.push(entry(s.pid, s.name));
  }
  return out.sort((a, b) => a.at - b.at || withinInstant(a) - withinInstant(b));
}
