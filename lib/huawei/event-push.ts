import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Huawei's enterprise meeting-event push (企业级会议事件推送): Huawei POSTs
 * `{appID, timestamp, nonce, signature, eventInfo}` to the subscriber's URL, signed
 * hmacSHA256(appID + timestamp + nonce + eventInfo, key) where eventInfo is the event object as
 * JSON text and the key is the subscription's password. The digest's spelling is not documented:
 * hex of either case and base64 are accepted.
 */
export const eventInfoSchema = z.object({
  event: z.string().min(1),
  timestamp: z.number().optional(),
  payload: z
    .object({
      meetingInfo: z.object({ meetingID: z.string().nullish(), meetingUUID: z.string().nullish(), meetingCycleSubID: z.string().nullish() }).nullish(),
      attendeeInfo: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
});
export type EventInfo = z.infer<typeof eventInfoSchema>;

const envelopeSchema = z.object({
  appID: z.string().min(1).max(200),
  timestamp: z.number().int().positive(),
  nonce: z.string().min(1).max(200),
  signature: z.string().min(1).max(200),
  eventInfo: z.union([z.string(), z.record(z.string(), z.unknown())]),
});

/** Huawei retries a delivery for 24 hours: a signature older than this is refused as a replay. */
export const EVENT_MAX_AGE_MS = 25 * 3_600_000;
/** A clock ahead of ours by more than this is refused too. */
const EVENT_MAX_AHEAD_MS = 5 * 60_000;

export type VerifiedEvent = { ok: true; appID: string; timestamp: number; nonce: string; signature: string; info: EventInfo };
export type RefusedEvent = { ok: false; status: 400 | 401; code: "bad_request" | "bad_signature" | "stale_event" | "wrong_app"; message: string };

function eventDigest(key: string, appID: string, timestamp: number, nonce: string, eventInfoText: string): Buffer {
  return createHmac("sha256", key).update(`${appID}${timestamp}${nonce}${eventInfoText}`).digest();
}

/** The signature Huawei puts on a delivery (the simulator signs with it; tests forge with it). */
export function signEvent(key: string, appID: string, timestamp: number, nonce: string, eventInfoText: string): string {
  return eventDigest(key, appID, timestamp, nonce, eventInfoText).toString("hex");
}

/** Checks one delivery against the key: its shape, signature (over the raw eventInfo text), age and app. */
export function verifyEvent(rawBody: string, key: string, now: number, expectedAppId?: string): VerifiedEvent | RefusedEvent {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { ok: false, status: 400, code: "bad_request", message: "The body is not JSON." };
  }
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, status: 400, code: "bad_request", message: `Not a Huawei event: ${z.prettifyError(envelope.error)}` };
  const { appID, timestamp, nonce, signature, eventInfo } = envelope.data;
  // The text Huawei signed: the string itself, or the object exactly as it stands in the body.
  const texts = typeof eventInfo === "string" ? [eventInfo] : [rawMemberText(rawBody, "eventInfo"), JSON.stringify(eventInfo)].filter((t): t is string => t !== undefined);
  if (!texts.some((text) => signatureMatches(signature, eventDigest(key, appID, timestamp, nonce, text)))) {
    return { ok: false, status: 401, code: "bad_signature", message: "The signature does not match HUAWEI_EVENTS_KEY." };
  }
  if (expectedAppId && appID !== expectedAppId) return { ok: false, status: 401, code: "wrong_app", message: "The event is for another subscriber ID." };
  if (now - timestamp > EVENT_MAX_AGE_MS || timestamp - now > EVENT_MAX_AHEAD_MS) {
    return { ok: false, status: 400, code: "stale_event", message: "The event was signed more than 25 hours ago (or in the future)." };
  }
  let infoValue: unknown = eventInfo;
  if (typeof eventInfo === "string") {
    try {
      infoValue = JSON.parse(eventInfo);
    } catch {
      return { ok: false, status: 400, code: "bad_request", message: "eventInfo is not JSON." };
    }
  }
  const info = eventInfoSchema.safeParse(infoValue);
  if (!info.success) return { ok: false, status: 400, code: "bad_request", message: `eventInfo: ${z.prettifyError(info.error)}` };
  return { ok: true, appID, timestamp, nonce, signature, info: info.data };
}

function signatureMatches(given: string, digest: Buffer): boolean {
  const candidates = /^[0-9a-f]+$/i.test(given) ? [Buffer.from(given, "hex")] : [Buffer.from(given, "base64")];
  return candidates.some((c) => c.length === digest.length && timingSafeEqual(c, digest));
}

/**
 * The raw text of one member of a top-level JSON object, as it stands in `json` (undefined when
 * absent). `json` must already have parsed: this only finds where each value begins and ends.
 */
export function rawMemberText(json: string, name: string): string | undefined {
  let i = skipSpace(json, 0);
  if (json[i] !== "{") return undefined;
  i++;
  while (i < json.length) {
    i = skipSpace(json, i);
    if (json[i] === "}") return undefined;
    if (json[i] === ",") i = skipSpace(json, i + 1);
    const keyEnd = endOfString(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    i = skipSpace(json, keyEnd);
    i = skipSpace(json, i + 1); // the colon
    const valueEnd = endOfValue(json, i);
    if (key === name) return json.slice(i, valueEnd);
    i = valueEnd;
  }
  return undefined;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && " \t\n\r".includes(s[i]!)) i++;
  return i;
}

/** `i` at an opening quote; returns the index after the closing one. */
function endOfString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === "\\") j++;
    else if (s[j] === '"') return j + 1;
  }
  return s.length;
}

function endOfValue(s: string, i: number): number {
  if (s[i] === '"') return endOfString(s, i);
  if (s[i] === "{" || s[i] === "[") {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const c = s[j];
      if (c === '"') j = endOfString(s, j) - 1;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return s.length;
  }
  let j = i;
  while (j < s.length && !",}] \t\n\r".includes(s[j]!)) j++;
  return j;
}
