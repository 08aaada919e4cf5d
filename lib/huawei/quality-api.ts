import type { Caller, HuaweiClient } from "./client";
import { HuaweiApiError } from "./errors";
import { fetchAllPages } from "./paging";
import {
  networkQualityResponseSchema,
  qosConferenceListSchema,
  qosParticipantDetailSchema,
  qosParticipantAlarmListSchema,
  qosParticipantListSchema,
  qosThresholdSchema,
  setQosThresholdResponseSchema,
  type NetworkQualityResponse,
  type QosConferenceInfo,
  type QosParticipantDetail,
  type QosParticipantInfo,
  type QosThreshold,
} from "./quality-schemas";

export type QosConfType = "online" | "history";
export type QosType = "audio" | "video" | "screen" | "cpu";
export type ThresholdType = "AUDIO" | "VIDEO" | "SCREEN" | "CPU";

/** The enterprise's QoS statistics need its administrator: these calls always go as the configured account. */
const ADMIN: Caller = { queryAll: true };
const METRICS = "/v1/metrics";

/**
 * Huawei's quality APIs (quality reference §2 to §8), through the client's transport, token cache
 * and budget. The metrics calls exist only for some editions and for enterprise admins: their 403
 * is Huawei's "not for you", which the caller turns into a stated reason.
 */
export class HuaweiQualityApi {
  constructor(private readonly client: HuaweiClient) {}

  /** §2: every ongoing meeting's alarm summary, every page. */
  async onlineMeetings(): Promise<QosConferenceInfo[]> {
    const { rows } = await fetchAllPages((offset, limit) => this.client.call(ADMIN, qosConferenceListSchema, { path: `${METRICS}/conferences/online`, query: { offset, limit } }), (m) => m.confUUID);
    return rows;
  }

  /** §3: ended meetings that started between `from` and `to` (epoch ms); Huawei keeps about three months. */
  async historyMeetings(from: number, to: number): Promise<QosConferenceInfo[]> {
    const { rows } = await fetchAllPages(
      (offset, limit) => this.client.call(ADMIN, qosConferenceListSchema, { path: `${METRICS}/conferences/history`, query: { startDate: from, endDate: to, offset, limit } }),
      (m) => m.confUUID,
    );
    return rows;
  }

  /** §5: each person of a meeting with their alarm flags (ended sessions too, each rejoin a row). */
  async participants(confUUID: string, confType: QosConfType): Promise<QosParticipantInfo[]> {
    const { rows } = await fetchAllPages(
      (offset, limit) => this.client.call(ADMIN, qosParticipantListSchema, { path: `${METRICS}/conference/participants`, query: { confUUID, confType, offset, limit } }),
      (p) => `${p.participantID}|${p.joinTime}`,
    );
    return rows;
  }

  /** §5 for counting: each person's id and whether they had an alarm, nothing else parsed. */
  async alarmedPeople(confUUID: string, confType: QosConfType): Promise<{ participantID: string; alarm: boolean }[]> {
    const { rows } = await fetchAllPages(
      (offset, limit) => this.client.call(ADMIN, qosParticipantAlarmListSchema, { path: `${METRICS}/conference/participants`, query: { confUUID, confType, offset, limit } }),
      (p) => `${p.participantID}|${p.alarm}`,
    );
    return rows;
  }

  /** §6: one person's series of one kind. */
  participantSeries(confUUID: string, confType: QosConfType, participantID: string, qosType: QosType): Promise<QosParticipantDetail> {
    return this.client.call(ADMIN, qosParticipantDetailSchema, { path: `${METRICS}/conference/participant/qos`, query: { confUUID, confType, participantID, qosType } });
  }

  /** §7.1 */
  thresholds(thresholdType: ThresholdType): Promise<QosThreshold> {
    return this.client.call(ADMIN, qosThresholdSchema, { path: `${METRICS}/conference/threshold`, query: { thresholdType } });
  }

  /** §7.2: POST (not PUT); a leaf left out keeps its value. */
  async setThresholds(thresholdType: ThresholdType, body: Record<string, unknown>): Promise<void> {
    await this.client.call(ADMIN, setQosThresholdResponseSchema, { method: "POST", path: `${METRICS}/conference/threshold`, query: { thresholdType }, headers: { "content-type": "application/json; charset=utf-8" }, body });
  }

  /** §8: a live snapshot of up to 50 people, with the meeting's control token; a failure inside a 200 is thrown like any other. */
  async networkQuality(conferenceID: string, confUUID: string, confToken: string, pids: string[]): Promise<NetworkQualityResponse["qosList"]> {
    if (pids.length > 50) throw new RangeError("Huawei answers at most 50 people per network-quality call");
    const answer = await this.client.call(ADMIN, networkQualityResponseSchema, {
      method: "POST",
      path: "/v1/mmc/cqs/media/qos",
      query: { conferenceid: conferenceID, confuuid: confUUID },
      headers: { confToken },
      body: { users: pids.map((pid) => ({ pid })) },
    });
    if (answer.returnCode) throw new HuaweiApiError(200, String(answer.returnCode), answer.returnDesc ?? "network quality refused", "/v1/mmc/cqs/media/qos");
    return answer.qosList;
  }
}
