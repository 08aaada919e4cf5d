import { sealData, unsealData } from "iron-session";
import type { AlertChannelRow } from "@/lib/store/schema";
import { languageSchema, channelKindSchema } from "./alert-schemas";
import type { OpenChannel } from "./platforms";

/**
 * A channel's URL (which holds WeCom's key, DingTalk's and WeLink's tokens, an SMTP password) and
 * its signing secret are sealed together (iron-session: AES-256-CBC and HMAC, keyed by the
 * session secret) before they reach the store, and unsealed only to send.
 */
export async function sealChannel(url: string, secret: string | null, key: string): Promise<string> {
  return sealData({ url, secret }, { password: key, ttl: 0 });
}

export async function openChannel(row: AlertChannelRow, key: string): Promise<OpenChannel> {
  const { url, secret } = await unsealData<{ url?: string; secret?: string | null }>(row.sealed, { password: key, ttl: 0 });
  if (!url) throw new Error("the channel's sealed settings cannot be opened (was SESSION_SECRET changed?)");
  const recipients = JSON.parse(row.recipients) as { to: string[]; from: string | null };
  return {
    id: row.id,
    kind: channelKindSchema.parse(row.kind),
    name: row.name,
    url,
    secret: secret ?? null,
    language: languageSchema.parse(row.language),
    mentions: JSON.parse(row.mentions) as string[],
    to: recipients.to,
    from: recipients.from,
  };
}
