import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rawMemberText, signEvent, verifyEvent } from "./event-push";

const KEY = "subscriber-password";
const APP = "sub-id-1";
const NOW = 1_780_000_000_000;

/** A delivery as Huawei's docs describe it: eventInfo an object in the body, signed over its JSON text. */
function delivery(info: unknown, opts: { timestamp?: number; nonce?: string; spacing?: string; key?: string } = {}) {
  const timestamp = opts.timestamp ?? NOW;
  const nonce = opts.nonce ?? "c2f1e8d6b4a9";
  const text = JSON.stringify(info, null, opts.spacing);
  const signature = signEvent(opts.key ?? KEY, APP, timestamp, nonce, text);
  return `{"appID":"${APP}","timestamp":${timestamp},"nonce":"${nonce}","signature":"${signature}","eventInfo":${text}}`;
}

const END = { event: "meeting.end", timestamp: NOW - 1000, payload: { meetingInfo: { meetingID: "914083388", meetingUUID: "9a0fa6d10a5b11eaae5e191763c22c0e", meetingCycleSubID: "" } } };

describe("Huawei's event push signature", () => {
  it("is HMAC-SHA256 over appID + timestamp + nonce + eventInfo with the subscription's key", () => {
    const text = JSON.stringify(END);
    expect(signEvent(KEY, APP, NOW, "n1", text)).toBe(createHmac("sha256", KEY).update(`${APP}${NOW}n1${text}`).digest("hex"));
  });

  it("accepts a valid delivery and reads its meeting", () => {
    const result = verifyEvent(delivery(END), KEY, NOW);
    expect(result).toMatchObject({ ok: true, appID: APP, info: { event: "meeting.end", payload: { meetingInfo: { meetingUUID: END.payload.meetingInfo.meetingUUID } } } });
  });

  it("verifies on the raw eventInfo text, whatever its spacing", () => {
    expect(verifyEvent(delivery(END, { spacing: "  " }), KEY, NOW).ok).toBe(true);
  });

  it("accepts eventInfo sent as a JSON string, and upper-case hex", () => {
    const text = JSON.stringify(END);
    const signature = signEvent(KEY, APP, NOW, "n2", text).toUpperCase();
    const body = JSON.stringify({ appID: APP, timestamp: NOW, nonce: "n2", signature, eventInfo: text });
    expect(verifyEvent(body, KEY, NOW).ok).toBe(true);
  });

  it("refuses a wrong key, a changed body, a changed nonce", () => {
    expect(verifyEvent(delivery(END, { key: "guess" }), KEY, NOW)).toMatchObject({ ok: false, status: 401, code: "bad_signature" });
    const tampered = delivery(END).replace("914083388", "914083389");
    expect(verifyEvent(tampered, KEY, NOW)).toMatchObject({ ok: false, code: "bad_signature" });
    const renonced = delivery(END).replace('"nonce":"c2f1e8d6b4a9"', '"nonce":"c2f1e8d6b4a8"');
    expect(verifyEvent(renonced, KEY, NOW)).toMatchObject({ ok: false, code: "bad_signature" });
  });

  it("refuses a delivery signed more than 25 hours ago, or far in the future, even with a good signature", () => {
    expect(verifyEvent(delivery(END, { timestamp: NOW - 24 * 3_600_000 }), KEY, NOW).ok).toBe(true);
    expect(verifyEvent(delivery(END, { timestamp: NOW - 25 * 3_600_000 - 1 }), KEY, NOW)).toMatchObject({ ok: false, code: "stale_event" });
    expect(verifyEvent(delivery(END, { timestamp: NOW + 3_600_000 }), KEY, NOW)).toMatchObject({ ok: false, code: "stale_event" });
  });

  it("refuses another subscriber's event when the subscriber ID is set", () => {
    expect(verifyEvent(delivery(END), KEY, NOW, "someone-else")).toMatchObject({ ok: false, code: "wrong_app" });
  });

  it("answers bad input with a clear refusal", () => {
    expect(verifyEvent("not json", KEY, NOW)).toMatchObject({ ok: false, status: 400, code: "bad_request" });
    expect(verifyEvent("{}", KEY, NOW)).toMatchObject({ ok: false, status: 400, code: "bad_request" });
    expect(verifyEvent(JSON.stringify({ appID: APP, timestamp: "soon", nonce: "n", signature: "s", eventInfo: {} }), KEY, NOW)).toMatchObject({ ok: false, code: "bad_request" });
  });
});

describe("rawMemberText", () => {
  it("finds a member's text exactly as written, past strings holding braces and escapes", () => {
    const json = ' { "a" : "x}\\"{" , "b":[1,{"c":"]"}] ,"eventInfo" : {"k": "v" ,"n":[1, 2]} , "z": true }';
    expect(rawMemberText(json, "eventInfo")).toBe('{"k": "v" ,"n":[1, 2]}');
    expect(rawMemberText(json, "b")).toBe('[1,{"c":"]"}]');
    expect(rawMemberText(json, "z")).toBe("true");
    expect(rawMemberText(json, "missing")).toBeUndefined();
  });
});
