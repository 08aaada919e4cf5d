import type { Viewer } from "@/lib/auth/viewer";
import { archiveAccess } from "@/lib/history/history-service";
import type { HuaweiClient } from "@/lib/huawei/client";
import type { ArchiveTable, TimeRange } from "@/lib/store/archive-table";
import { isoInZone } from "@/lib/zoned-time";
import { buildDepartmentReport, type DepartmentPeriod, type DepartmentReport } from "./department-report";
import { buildPeopleReport, type PeopleReport } from "./people-report";
import { buildSeriesReport, type SeriesReport, type SeriesSummary } from "./series-report";

/** Records one people search reads at most: enough for a year of anyone's meetings. */
const PEOPLE_RECORD_LIMIT = 20_000;
const SERIES_LIST_LIMIT = 500;

/** Reports over the archive, each as the viewer may see it: admins the enterprise, hosts their own meetings. */
export class ReportsService {
  constructor(
    private readonly archive: ArchiveTable,
    private readonly huawei: HuaweiClient,
  ) {}

  async seriesList(viewer: Viewer, range: TimeRange): Promise<SeriesSummary[]> {
    const rows = await this.archive.seriesList(range, await archiveAccess(this.huawei, viewer), SERIES_LIST_LIMIT);
    const subjects = await this.archive.latestSubjects(rows.map((r) => r.conferenceId));
    return rows.map((r) => ({
      conferenceID: r.conferenceId,
      subject: subjects.get(r.conferenceId) ?? "",
      occurrences: r.occurrences,
      firstStart: new Date(r.firstStart).toISOString(),
      lastStart: new Date(r.lastStart).toISOString(),
    }));
  }

  /** Null when the viewer may see no occurrence of it in the range. */
  async series(viewer: Viewer, conferenceID: string, range: TimeRange, minShare: number): Promise<SeriesReport | null> {
    const occurrences = await this.archive.occurrences(conferenceID, range, await archiveAccess(this.huawei, viewer));
    if (!occurrences.length) return null;
    const records = await this.archive.recordsOf(occurrences.map((o) => o.confUuid));
    return buildSeriesReport(conferenceID, occurrences, records, minShare);
  }

  async people(viewer: Viewer, q: string, range: TimeRange): Promise<PeopleReport> {
    const rows = await this.archive.personRecords(q, range, await archiveAccess(this.huawei, viewer), PEOPLE_RECORD_LIMIT + 1);
    return buildPeopleReport(q, rows.slice(0, PEOPLE_RECORD_LIMIT), rows.length > PEOPLE_RECORD_LIMIT);
  }

  async departments(viewer: Viewer, range: TimeRange, by: DepartmentPeriod, timeZone: string): Promise<DepartmentReport> {
    // Days are cut at the zone's offset at the range's start (a zone with summer time is an hour off across the change).
    const offsetMs = Date.parse(`${isoInZone(range.from, timeZone).slice(0, 19)}Z`) - Math.floor(range.from / 1000) * 1000;
    const days = await this.archive.departmentDays(range, offsetMs, await archiveAccess(this.huawei, viewer));
    return buildDepartmentReport(days, by, timeZone);
  }
}
