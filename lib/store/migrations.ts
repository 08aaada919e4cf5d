import type { Kysely, Migration } from "kysely";

/**
 * The schema's versions, applied in order at start (Kysely's Migrator records them in
 * kysely_migration and holds a lock while it runs, so instances starting together apply each once).
 * Written with the schema builder only, so one text serves both engines; never edit one that has
 * shipped: add the next.
 */
export const migrations: Record<string, Migration> = {
  "0001_users_displays_sessions": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("username", "text", (c) => c.primaryKey())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("huawei_user_id", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("displays")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("settings", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("revoked_sessions")
        .addColumn("sid", "text", (c) => c.primaryKey())
        .addColumn("revoked_at", "bigint", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("revoked_sessions_revoked_at").on("revoked_sessions").column("revoked_at").execute();
    },
  },
  "0002_archive": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("archived_meetings")
        .addColumn("conf_uuid", "text", (c) => c.primaryKey())
        .addColumn("conference_id", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("scheduler_name", "text")
        .addColumn("scheduler_uuid", "text")
        .addColumn("dept_name", "text")
        .addColumn("started_at", "bigint", (c) => c.notNull())
        .addColumn("ended_at", "bigint", (c) => c.notNull())
        .addColumn("conference", "text", (c) => c.notNull())
        .addColumn("invitees", "text", (c) => c.notNull())
        .addColumn("record_count", "integer", (c) => c.notNull())
        .addColumn("collected_at", "bigint", (c) => c.notNull())
        .addColumn("settled", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("archived_meetings_started_at").on("archived_meetings").column("started_at").execute();
      await db.schema.createIndex("archived_meetings_conference_id").on("archived_meetings").columns(["conference_id", "started_at"]).execute();
      await db.schema
        .createTable("attendance_records")
        .addColumn("conf_uuid", "text", (c) => c.notNull().references("archived_meetings.conf_uuid").onDelete("cascade"))
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("call_number", "text")
        .addColumn("person_key", "text", (c) => c.notNull())
        .addColumn("account", "text")
        .addColumn("dept_name", "text")
        .addColumn("join_time", "bigint", (c) => c.notNull())
        .addColumn("left_time", "bigint")
        .addColumn("counted_ms", "bigint", (c) => c.notNull())
        .addColumn("device_zh", "text")
        .addColumn("device_en", "text")
        .addColumn("media_zh", "text")
        .addColumn("media_en", "text")
        .addPrimaryKeyConstraint("attendance_records_pk", ["conf_uuid", "seq"])
        .execute();
      // A person's records are found by their key (archive_people, 0003, finds the key by name, number or account).
      await db.schema.createIndex("attendance_records_person_key").on("attendance_records").column("person_key").execute();
      await db.schema
        .createTable("control_records")
        .addColumn("conf_uuid", "text", (c) => c.notNull().references("archived_meetings.conf_uuid").onDelete("cascade"))
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("operate_time", "bigint", (c) => c.notNull())
        .addColumn("operate_source", "text")
        .addColumn("operator", "text")
        .addColumn("operate_code", "text")
        .addColumn("operation_object", "text")
        .addColumn("operate_result", "text")
        .addColumn("detail", "text")
        .addPrimaryKeyConstraint("control_records_pk", ["conf_uuid", "seq"])
        .execute();
      await db.schema
        .createTable("meeting_access")
        .addColumn("conf_uuid", "text", (c) => c.notNull().references("archived_meetings.conf_uuid").onDelete("cascade"))
        .addColumn("user_key", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("meeting_access_pk", ["conf_uuid", "user_key"])
        .execute();
      await db.schema.createIndex("meeting_access_user_key").on("meeting_access").column("user_key").execute();
      await db.schema
        .createTable("archive_queue")
        .addColumn("conf_uuid", "text", (c) => c.primaryKey())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_at", "bigint", (c) => c.notNull())
        .addColumn("last_error", "text")
        .addColumn("added_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("archive_state")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("leases")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("holder", "text", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("huawei_events_seen")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("seen_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("huawei_events_seen_at").on("huawei_events_seen").column("seen_at").execute();
    },
  },
  "0003_archive_rollups": {
    async up(db: Kysely<unknown>) {
      // Who has been seen in the archive (by call number, or by name without one): a person search reads this, not every record.
      await db.schema
        .createTable("archive_people")
        .addColumn("person_key", "text", (c) => c.primaryKey())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("call_number", "text")
        .addColumn("account", "text")
        .addColumn("last_seen", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("archive_people_account").on("archive_people").column("account").execute();
      // Each meeting's share of each department, kept so a meeting collected again replaces its share exactly.
      await db.schema
        .createTable("meeting_departments")
        .addColumn("conf_uuid", "text", (c) => c.notNull().references("archived_meetings.conf_uuid").onDelete("cascade"))
        .addColumn("dept_name", "text", (c) => c.notNull())
        .addColumn("hour", "bigint", (c) => c.notNull())
        .addColumn("attendances", "integer", (c) => c.notNull())
        .addColumn("person_ms", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("meeting_departments_pk", ["conf_uuid", "dept_name"])
        .execute();
      // The department report's sums per UTC hour (of the meetings' starts): a year is at most 8,784 hours a department.
      await db.schema
        .createTable("department_hours")
        .addColumn("hour", "bigint", (c) => c.notNull())
        .addColumn("dept_name", "text", (c) => c.notNull())
        .addColumn("meetings", "integer", (c) => c.notNull())
        .addColumn("attendances", "integer", (c) => c.notNull())
        .addColumn("person_ms", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("department_hours_pk", ["hour", "dept_name"])
        .execute();
    },
  },
  "0004_archive_quality": {
    async up(db: Kysely<unknown>) {
      // Each person's quality alarms in an archived meeting, kept as long as its attendance (Huawei keeps them three months).
      // No cascade from archived_meetings: a meeting collected again without quality (Huawei refusing it then) keeps what was kept.
      await db.schema
        .createTable("archive_quality")
        .addColumn("conf_uuid", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("participant_id", "text", (c) => c.notNull())
        .addColumn("display_name", "text")
        .addColumn("join_time", "bigint")
        .addColumn("terminal_type", "text")
        .addColumn("network_type", "text")
        .addColumn("app_version", "text")
        .addColumn("audio_send", "integer", (c) => c.notNull())
        .addColumn("audio_receive", "integer", (c) => c.notNull())
        .addColumn("video_send", "integer", (c) => c.notNull())
        .addColumn("video_receive", "integer", (c) => c.notNull())
        .addColumn("screen_send", "integer", (c) => c.notNull())
        .addColumn("screen_receive", "integer", (c) => c.notNull())
        .addColumn("cpu", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("archive_quality_pk", ["conf_uuid", "seq"])
        .execute();
    },
  },
  "0005_alerts": {
    async up(db: Kysely<unknown>) {
      // URLs and secrets are sealed (lib/alerts/channel-secrets): the row shows only the target's origin.
      await db.schema
        .createTable("alert_channels")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("sealed", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("language", "text", (c) => c.notNull())
        .addColumn("mentions", "text", (c) => c.notNull())
        .addColumn("recipients", "text", (c) => c.notNull())
        .addColumn("has_secret", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("failing_since", "bigint")
        .addColumn("last_error", "text")
        .addColumn("last_delivered_at", "bigint")
        .execute();
      await db.schema
        .createTable("alert_rules")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      // open_key (rule:meeting) is set while an alert fires and cleared when it recovers: one open alert per rule and meeting, whoever evaluates.
      await db.schema
        .createTable("alerts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("rule_id", "text", (c) => c.notNull())
        .addColumn("rule_name", "text", (c) => c.notNull())
        .addColumn("open_key", "text", (c) => c.unique())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("severity", "text", (c) => c.notNull())
        .addColumn("conference_id", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("host_name", "text")
        .addColumn("detail", "text", (c) => c.notNull())
        .addColumn("since", "bigint", (c) => c.notNull())
        .addColumn("fired_at", "bigint", (c) => c.notNull())
        .addColumn("cleared_at", "bigint")
        .addColumn("last_notified_at", "bigint")
        .addColumn("acked_by", "text")
        .addColumn("acked_at", "bigint")
        .addColumn("silenced_by", "text")
        .addColumn("silenced_until", "bigint")
        .execute();
      await db.schema.createIndex("alerts_fired_at").on("alerts").column("fired_at").execute();
      // Each message written before it is sent; idem_key makes a second write of the same message a no-op.
      await db.schema
        .createTable("alert_outbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("idem_key", "text", (c) => c.notNull().unique())
        .addColumn("alert_id", "text")
        .addColumn("channel_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
        .addColumn("claimed_until", "bigint")
        .addColumn("answer", "text")
        .addColumn("summarized", "integer", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("delivered_at", "bigint")
        .execute();
      await db.schema.createIndex("alert_outbox_due").on("alert_outbox").columns(["state", "next_attempt_at"]).execute();
      await db.schema.createIndex("alert_outbox_alert").on("alert_outbox").column("alert_id").execute();
      await db.schema
        .createTable("alert_monitor")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("evaluated_at", "bigint", (c) => c.notNull())
        .addColumn("unwatched", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0006_meeting_events": {
    async up(db: Kysely<unknown>) {
      // Every change the relay saw in a meeting it watched: the replay's log. `at` is Huawei's time
      // (a frame's createTime) where it gave one, else when seen; a second instance writing the same change is a no-op (a flip within one frame keeps both, in the order seen).
      await db.schema
        .createTable("meeting_events")
        .addColumn("conference_id", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("seen_at", "bigint", (c) => c.notNull())
        .addColumn("pid", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("field", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        // 1: the state as it was when watching began (or a joiner's flags), not a change anyone made.
        .addColumn("initial", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("meeting_events_pk", ["conference_id", "at", "pid", "field", "value"])
        .execute();
      // When the log was being written: a watcher's span from its first whole list to its last flush. Between spans, gaps.
      await db.schema
        .createTable("meeting_log_spans")
        .addColumn("span_id", "text", (c) => c.primaryKey())
        .addColumn("conference_id", "text", (c) => c.notNull())
        .addColumn("from_at", "bigint", (c) => c.notNull())
        .addColumn("to_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("meeting_log_spans_meeting").on("meeting_log_spans").columns(["conference_id", "from_at"]).execute();
    },
  },
};
