import { z } from "zod";

/**
 * Huawei's attendee records name the device and media in the language the call asked for
 * (Accept-Language: "Soft client" / "软终端"). Known words in either language map to one kind,
 * which the UI shows in its own words; unknown words are shown as Huawei wrote them.
 */
export const deviceKindSchema = z.enum(["soft", "mobile", "web", "terminal"]);
export type DeviceKind = z.infer<typeof deviceKindSchema>;
export const mediaKindSchema = z.enum(["video", "voice"]);
export type MediaKind = z.infer<typeof mediaKindSchema>;

const DEVICE_WORDS: Record<string, DeviceKind> = {
  "soft client": "soft",
  软终端: "soft",
  "mobile client": "mobile",
  移动终端: "mobile",
  手机: "mobile",
  "web client": "web",
  web终端: "web",
  "hard terminal": "terminal",
  硬终端: "terminal",
};

const MEDIA_WORDS: Record<string, MediaKind> = {
  video: "video",
  视频: "video",
  voice: "voice",
  audio: "voice",
  语音: "voice",
  音频: "voice",
};

const key = (raw: string | null | undefined) => raw?.trim().toLowerCase() ?? "";

export function deviceKind(raw: string | null | undefined): DeviceKind | null {
  return DEVICE_WORDS[key(raw)] ?? null;
}

export function mediaKind(raw: string | null | undefined): MediaKind | null {
  return MEDIA_WORDS[key(raw)] ?? null;
}

/** The UI's words for the kinds, in the reader's language (the `words` catalogue). */
export interface RecordWords {
  device: (kind: DeviceKind) => string;
  media: (kind: MediaKind) => string;
}

/** The UI's words for a record's device: its kind when known, else Huawei's own text. */
export function deviceLabel(s: { device: string | null; deviceKind: DeviceKind | null }, words: RecordWords): string {
  return s.deviceKind ? words.device(s.deviceKind) : (s.device ?? "");
}

export function mediaLabel(s: { media: string | null; mediaKind: MediaKind | null }, words: RecordWords): string {
  return s.mediaKind ? words.media(s.mediaKind) : (s.media ?? "");
}
