"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Participant, UpstreamLiveStatus } from "@/lib/domain/participant";

interface Seen {
  hands: ReadonlySet<string> | null;
  upstream: UpstreamLiveStatus | null;
  connected: boolean | null;
  message: string;
}

/**
 * Tells a screen reader what matters, once: a hand going up, the connection lost and back, the
 * meeting ending. Visually hidden; the ticking ages elsewhere are deliberately not live regions.
 */
export function LiveAnnouncer({ queue, upstream, connected, ready }: { queue: readonly Participant[]; upstream: UpstreamLiveStatus | null; connected: boolean; ready: boolean }) {
  const t = useTranslations("participants");
  const [seen, setSeen] = useState<Seen>({ hands: null, upstream: null, connected: null, message: "" });
  const hands = queue.map((p) => p.pid);
  const handsChanged = !seen.hands || hands.length !== seen.hands.size || hands.some((pid) => !seen.hands!.has(pid));
  // Compared with what was last seen during render (React's pattern for state that follows props).
  // Nothing counts as seen before the first snapshot: the state on arrival (hands already up, the
  // socket connecting) is not news.
  // The baseline is taken once the first snapshot is in and the subscription acknowledged.
  const settled = seen.hands !== null || (ready && connected);
  if (settled && (handsChanged || upstream !== seen.upstream || connected !== seen.connected)) {
    const news: string[] = [];
    if (seen.hands) {
      for (const p of queue) if (!seen.hands.has(p.pid)) news.push(t("handRaisedNotice", { name: p.name }));
      if (upstream === "ended" && seen.upstream !== "ended") news.push(t("meetingEndedNotice"));
      if (connected !== seen.connected) news.push(t(connected ? "reconnectedNotice" : "connectionLostNotice"));
    }
    setSeen({ hands: new Set(hands), upstream, connected, message: news.length ? news.join(" ") : seen.message });
  }
  return (
    <p role="status" aria-live="polite" className="sr-only" data-announcer>
      {seen.message}
    </p>
  );
}
