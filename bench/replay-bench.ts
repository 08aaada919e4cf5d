import { performance } from "node:perf_hooks";
import { stateAt, type TimedChange } from "@/lib/replay/replay-state";
import { MeetingEventsTable } from "@/lib/store/meeting-events-table";
import type { MeetingEventRow } from "@/lib/store/schema";
import { ENGINES, testStore } from "@/tests/stores";

const PEOPLE = 1_000;
const HOUR = 3_600_000;
/** Changes a person makes in an hour on average (mute, hand, camera, a leave and rejoin now and then). */
const CHANGES_PER_PERSON = 30;
/** The floor passes from one speaker to another this often (each turn: one stops, one starts). */
const SPEAKER_TURN_MS = 2_000;

/**
 * The replay's log of a 1,000-person hour-long meeting, made up: written through the recorder's
 * table in the recorder's batches, its size per participant-hour, and the time to rebuild the
 * state at an instant (the store's read and the rebuild, against the rebuild alone as the floor).
 */
export async function replayBench(): Promise<void> {
  const log = makeLog();
  console.log(`replay: a ${PEOPLE.toLocaleString("en")}-person meeting, one hour, ${log.length.toLocaleString("en")} changes`);
  for (const engine of ENGINES) {
    const { store, close } = await testStore(engine);
    try {
      const table = new MeetingEventsTable(store);
      const before = await store.sizeBytes();
      // The recorder writes once a second: an hour is 3,600 batches; here written back to back.
      const perSecond = new Map<number, MeetingEventRow[]>();
      for (const e of log) perSecond.set(Math.floor(e.at / 1000), [...(perSecond.get(Math.floor(e.at / 1000)) ?? []), e]);
      const span = { spanId: "bench", conferenceId: "bench", fromAt: log[0]!.at, toAt: log[0]!.at };
      let t = performance.now();
      for (const [second, batch] of perSecond) await table.append(batch, [{ ...span, toAt: second * 1000 }]);
      const writeMs = performance.now() - t;
      const size = (await store.sizeBytes()) - before;
      const at = log[0]!.at + 0.75 * HOUR;
      const reads: number[] = [];
      const rebuilds: number[] = [];
      let present = 0;
      for (let i = 0; i < 15; i++) {
        t = performance.now();
        const rows = await table.between("bench", log[0]!.at, at);
        const changes: TimedChange[] = rows.map((r) => ({ at: r.at, pid: r.pid, name: r.name, field: r.field, value: JSON.parse(r.value) as TimedChange["value"] }));
        const mid = performance.now();
        present = stateAt(changes, at).participants.length;
        reads.push(performance.now() - t);
        rebuilds.push(performance.now() - mid);
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      console.log(
        `  ${engine}: written at ${Math.round(log.length / (writeMs / 1000)).toLocaleString("en")} changes/s in 1-second batches; ${(size / 1024 / 1024).toFixed(1)} MB, ${Math.round(size / PEOPLE / 1024)} KB per participant-hour; the state at 45 min (${present} present): ${median(reads).toFixed(0)} ms read and rebuilt, ${median(rebuilds).toFixed(0)} ms the rebuild alone (median of 15)`,
      );
    } finally {
      await close();
    }
  }
}

/** Everyone present from the start with their flags, then changes spread over the hour. */
function makeLog(): MeetingEventRow[] {
  const start = Date.UTC(2026, 11, 1, 2, 0, 0);
  const rows: MeetingEventRow[] = [];
  const row = (at: number, p: number, field: string, value: unknown): MeetingEventRow => ({ conferenceId: "bench", at, seenAt: at + 40, pid: `p${p}`, name: `Person ${p}`, field, value: JSON.stringify(value), initial: 0 });
  const state = Array.from({ length: PEOPLE }, () => ({ muted: true, hand: false, camera: false, present: true }));
  for (let p = 0; p < PEOPLE; p++) {
    rows.push(row(start, p, "present", true), row(start, p, "role", p === 0 ? "host" : "participant"), row(start, p, "muted", true), row(start, p, "handRaised", false), row(start, p, "camera", false), row(start, p, "sharing", false));
  }
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const changes = PEOPLE * CHANGES_PER_PERSON;
  for (let i = 0; i < changes; i++) {
    const at = start + Math.floor((i / changes) * HOUR);
    const p = Math.floor(random() * PEOPLE);
    const s = state[p]!;
    const kind = random();
    if (kind < 0.45) rows.push(row(at, p, "muted", (s.muted = !s.muted)));
    else if (kind < 0.7) rows.push(row(at, p, "handRaised", (s.hand = !s.hand)));
    else if (kind < 0.9) rows.push(row(at, p, "camera", (s.camera = !s.camera)));
    else rows.push(row(at, p, "present", (s.present = !s.present)));
  }
  let speaker = 0;
  for (let at = start; at < start + HOUR; at += SPEAKER_TURN_MS) {
    const next = Math.floor(random() * PEOPLE);
    rows.push(row(at, speaker, "speaking", false), row(at, next, "speaking", true));
    speaker = next;
  }
  return rows.sort((a, b) => a.at - b.at);
}
