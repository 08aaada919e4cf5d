import { describe, expect, it } from "vitest";
import { lossFromHundredths, lossFromPerMille, qualityFromNetCondition, qualityFromSnapshot, qualityLevel } from "@/lib/domain/quality";
import { pushFrameSchema } from "./control-schemas";
import { networkQualityResponseSchema, qosParticipantDetailSchema, qosThresholdSchema } from "./quality-schemas";
import { onlineAttendeeListSchema } from "./schemas";

// Huawei's own examples, as the quality reference gives them (D-Q1348, D-Q0505, D-N4233, D-A6106), through the client's schemas and mappers.

describe("Huawei's quality examples", () => {
  it("§6.5 a person's video series: flags as YES/NO strings, a bitrate sent as a number, the threshold in force at each point", () => {
    const detail = qosParticipantDetailSchema.parse(
      JSON.parse(`{"user":{"confUUID":"a3d9a31c8af211eb8075a12479434adb","conferenceID":"98909587",
  "participantID":"kxxwoo5hmo9khlmggklawbwiwfl999bw","displayName":"Shenzhen branch","terminalType":"PC",
  "role":"host","joinTime":1618220940926,"leftTime":1618221194202,"networkType":"wifi","alarm":"YES",
  "audioAlarmSend":"YES","videoAlarmSend":"NO","screenAlarmSend":"NO","audioAlarmRec":"YES",
  "videoAlarmRec":"YES","screenAlarmRec":"NO","cpuAlarm":"NO","leftReason":0,"existQos":true},
 "qos":{"type":"video",
  "send":{"bitrate":[{"time":"2021-04-16T01:18:23.404Z","value":"1000"}],
          "latency":[{"time":"2021-04-16T01:18:23.404Z","value":1000,"alarm":true,"threshold":700}],
          "jitter":[{"time":"2021-04-16T01:18:23.404Z","value":35,"alarm":false,"threshold":700}],
          "packet_loss_max":[{"time":"2021-04-16T01:18:23.404Z","value":3,"alarm":false,"threshold":20}],
          "resolution":[{"time":"2021-04-16T01:18:23.404Z","value":"1280*720"}],
          "frame":[{"time":"2021-04-16T01:18:23.404Z","value":"25"}]},
  "receive":{"bitrate":[],"latency":[],"jitter":[],"packet_loss_max":[],"resolution":[],"frame":[]}}}`),
    );
    expect(detail.user).toMatchObject({ alarm: true, audioAlarmSend: true, videoAlarmSend: false, videoAlarmRec: true, cpuAlarm: false, leftReason: 0, existQos: true });
    expect(detail.qos.send!.latency[0]).toEqual({ time: "2021-04-16T01:18:23.404Z", value: 1000, alarm: true, threshold: 700 });
    expect(detail.qos.send!.packet_loss_max[0]!.value).toBe(3);
    // The doc example's bitrate in D-Q1348 is a JSON number where the SDK declares a string: both are read.
    expect(qosParticipantDetailSchema.parse({ qos: { send: { bitrate: [{ time: "t", value: 1000 }] } } }).qos.send!.bitrate[0]!.value).toBe("1000");
    expect(detail.qos.receive!.latency).toEqual([]);
  });

  it("§7.1 the thresholds example: custom values beside the defaults, loss in percent", () => {
    const t = qosThresholdSchema.parse({
      latency: { receiving: 500, receivingDefault: 800, sending: 500, sendingDefault: 800 },
      jitter: { receiving: 500, receivingDefault: 800, sending: 500, sendingDefault: 800 },
      packetLoss: { receiving: 20, receivingDefault: 50, sending: 20, sendingDefault: 50 },
    });
    expect(t.packetLoss).toEqual({ receiving: 20, receivingDefault: 50, sending: 20, sendingDefault: 50 });
    expect(t.clientCpuMax).toBeUndefined();
  });

  it("§8 the network-quality snapshot: loss in per mille (12 ‰ is 1.2 %), a failure code inside a 200", () => {
    const answer = networkQualityResponseSchema.parse(
      JSON.parse(`{"returnCode":0,"returnDesc":"SUCCESS","qosList":[{"participantID":"uzr571a9brwu11cvcibvru5a7r7rryiy",
  "netRate":"GOOD","bandWidthUp":1850,"bandWidthDown":2400,"lostPacketRateUp":12,"lostPacketRateDown":4,"delay":48,
  "videoQos":{"upList":[{"networkQuality":"GOOD","codecType":"H264","bandWidth":1500,"lostPacketRate":12,"delay":48,"jitter":9,"resolutionHeight":720,"resolutionWidth":1280,"frameRate":25}],
    "downList":[{"networkQuality":"GOOD","codecType":"H264","bandWidth":900,"lostPacketRate":4,"delay":51,"jitter":7,"resolutionHeight":360,"resolutionWidth":640,"frameRate":15,"codecUserId":"w5v17oiroco5zy9boia91yar1a17wzvy"}]},
  "audioQos":{"upList":[{"codecType":"OPUS","bandWidth":48,"lostPacketRate":10,"delay":45,"jitter":6}],"downList":[]},"auxQos":{"upList":[],"downList":[]}}]}`),
    );
    const person = answer.qosList[0]!;
    expect(lossFromPerMille(person.lostPacketRateUp!)).toBe(1.2);
    const audio = person.audioQos!.upList[0]!;
    expect(qualityLevel({ latencyMs: audio.delay ?? null, jitterMs: audio.jitter ?? null, lossPercent: lossFromPerMille(audio.lostPacketRate!) }, "audio")).toBe("good");
    expect(person.videoQos!.downList[0]!.codecUserId).toBe("w5v17oiroco5zy9boia91yar1a17wzvy");
    expect(networkQualityResponseSchema.parse({ returnCode: 100, returnDesc: "FAILED" }).qosList).toEqual([]);
  });

  it("§9 the online attendees example: snake_case, role 1 for the chair", () => {
    const page = onlineAttendeeListSchema.parse(
      JSON.parse(`{"data":[{"participant_id":"uzr571a9brwu11cvcibvru5a7r7rryiy","name":"Zhang San","call_number":"+99111283523475338","role":1,"third_account":"zhangsan","account":"zhangsan","user_id":"271682cfdbe14fa9ae3a8b25f7502627"}],"offset":0,"limit":20,"count":1}`),
    );
    expect(page.data[0]).toMatchObject({ participant_id: "uzr571a9brwu11cvcibvru5a7r7rryiy", role: 1, call_number: "+99111283523475338" });
  });

  it("reads the three loss units the same way, and colours a link as Huawei's control page does", () => {
    // The push frame's 0.01 % (NetConditionNotify), the snapshot's per mille and the series' percent: 3 % each.
    expect([lossFromHundredths(300), lossFromPerMille(30), 3]).toEqual([3, 3, 3]);
    expect(qualityLevel({ latencyMs: 250, jitterMs: 0, lossPercent: 0 }, "audio")).toBe("bad");
    expect(qualityLevel({ latencyMs: 40, jitterMs: 50, lossPercent: 0 }, "audio")).toBe("bad");
    expect(qualityLevel({ latencyMs: 40, jitterMs: 5, lossPercent: 3 }, "video")).toBe("bad");
    expect(qualityLevel({ latencyMs: 40, jitterMs: 5, lossPercent: 3 }, "audio")).toBe("good");
    expect(qualityLevel({ latencyMs: 130, jitterMs: 5, lossPercent: 0 }, "audio")).toBe("poor");
    expect(qualityLevel({ latencyMs: null, jitterMs: null, lossPercent: null }, "video")).toBe("good");
  });
});

describe("a person's mark from NetConditionNotify (MCU meetings)", () => {
  it("reads the frame's string figures, loss in 0.01 %, and holds the stream's loss to video's limit", () => {
    // The fields and units of meeting reference §7.4 (D-1517), every value a string.
    const frame = pushFrameSchema.parse({
      action: "NetConditionNotify",
      confID: "900487914",
      msgMode: 1,
      createTime: 1611993595063,
      data: [
        { participantID: "a", mode: "0", netInfo: "", delay: "48", jitter: "9", outJitter: "12", audioCodecType: "AACLD", videoCodecType: "H264HP", fluxIn: "4800", fluxOut: "15000", lostPacketRate: "120", audioOutLossPacketRate: "40" },
        { participantID: "b", delay: "60", jitter: "", lostPacketRate: "350", audioOutLossPacketRate: "not a number" },
      ],
    });
    if (frame.action !== "NetConditionNotify") throw new Error("not parsed as NetConditionNotify");
    const at = "2021-01-30T07:59:55.063Z";
    const [a, b] = frame.data.map((d) => qualityFromNetCondition(d, at));
    // 0.4 % audio loss, 1.2 % on the stream: fine; the worse jitter of the two directions.
    expect(a).toEqual({ level: "good", latencyMs: 48, jitterMs: 12, lossPercent: 0.4, at });
    // 3.5 % on the stream is bad for video; an unreadable audio loss is unknown, not zero.
    expect(b).toEqual({ level: "bad", latencyMs: 60, jitterMs: null, lossPercent: 3.5, at });
  });
});

describe("a person's mark from the network-quality snapshot", () => {
  it("takes the worse of audio and video, with the audio figures in percent", () => {
    const at = "2026-12-04T10:00:00.000Z";
    const fine = qualityFromSnapshot({ delay: 48, lostPacketRateUp: 12, audioQos: { upList: [{ delay: 45, jitter: 6, lostPacketRate: 10 }], downList: [] }, videoQos: { upList: [{ delay: 48, jitter: 9, lostPacketRate: 12 }], downList: [] } }, at);
    expect(fine).toEqual({ level: "good", latencyMs: 48, jitterMs: 6, lossPercent: 1, at });
    // 4 % video loss is bad for video though fine for audio.
    const video = qualityFromSnapshot({ delay: 48, audioQos: { upList: [{ jitter: 6, lostPacketRate: 10 }], downList: [] }, videoQos: { upList: [{ jitter: 9, lostPacketRate: 40 }], downList: [] } }, at);
    expect(video.level).toBe("bad");
    expect(qualityFromSnapshot({ delay: 300 }, at)).toMatchObject({ level: "bad", latencyMs: 300, jitterMs: null, lossPercent: null });
  });
});
