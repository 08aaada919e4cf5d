import type { PatchEvent, SnapshotEvent } from "@/lib/domain/participant";

/**
 * A subscriber's copy of one topic: rows by id plus the topic's other fields, rebuilt from a
 * snapshot and advanced by patches. A patch whose seq is not the next one is refused ("gap"):
 * the subscriber must ask for a snapshot.
 */
export class TopicStore<R, F extends object> {
  seq = -1;
  sourceTime = 0;
  rows = new Map<string, R>();
  fields: F | undefined;

  constructor(
    private readonly split: (data: unknown) => { rows: R[]; fields: F },
    private readonly id: (row: R) => string,
  ) {}

  applySnapshot(ev: SnapshotEvent): void {
    const { rows, fields } = this.split(ev.data);
    this.rows = new Map(rows.map((r) => [this.id(r), r]));
    this.fields = fields;
    this.seq = ev.seq;
    this.sourceTime = ev.sourceTime;
  }

  /** "stale" for a patch older than what is held (ignored), "gap" when patches were missed. */
  applyPatch(ev: PatchEvent): "applied" | "stale" | "gap" {
    if (this.seq < 0 || ev.seq > this.seq + 1) return "gap";
    if (ev.seq <= this.seq) return "stale";
    const rows = new Map(this.rows);
    for (const id of ev.removes) rows.delete(id);
    for (const row of ev.upserts as R[]) rows.set(this.id(row), row);
    this.rows = rows;
    const extras = Object.fromEntries(Object.entries(ev).filter(([key]) => !ENVELOPE.has(key)));
    if (this.fields && Object.keys(extras).length) this.fields = mergeFields(this.fields, extras);
    this.seq = ev.seq;
    this.sourceTime = ev.sourceTime;
    return "applied";
  }
}

const ENVELOPE = new Set(["topic", "conferenceID", "seq", "sourceTime", "upserts", "removes"]);

/** Patch extras replace whole fields, except `meeting`, whose changed keys are merged in. */
function mergeFields<F extends object>(fields: F, extras: Record<string, unknown>): F {
  const out: Record<string, unknown> = { ...(fields as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extras)) {
    out[key] = key === "meeting" && typeof value === "object" ? { ...(out.meeting as object), ...(value as object) } : value;
  }
  return out as F;
}
