"use client";

import { useMemo, useSyncExternalStore } from "react";
import { subscriptionSchema, type Subscription } from "@/lib/domain/participant";
import type { TopicStore } from "@/lib/live/topic-store";
import { liveTopic, type LiveView } from "./live-topic";

/** What a topic not asked for reads as: nothing yet, and no subscription. */
const IDLE: LiveView<unknown, object> = { rows: new Map<string, unknown>(), fields: undefined, seq: -1, sourceTime: 0, upstream: null, upstreamSince: null, reason: null, connected: false, unauthenticated: false, error: null };
const idleSubscribe = () => () => undefined;
const idleSnapshot = () => IDLE;

/**
 * A live topic's current view, read through useSyncExternalStore from the tab's one store of it:
 * every component showing the same topic reads the same state, and re-renders when it changes.
 * With `enabled` false nothing is subscribed (a topic the viewer may not see).
 */
export function useLiveTopic<R, F extends object>(sub: Subscription, makeStore: () => TopicStore<R, F>, enabled = true): LiveView<R, F> {
  // The subscription's identity: a new object with the same content is the same topic.
  const key = JSON.stringify(sub);
  // makeStore is a module-level factory; the topic is what matters.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const topic = useMemo(() => (enabled ? liveTopic(subscriptionSchema.parse(JSON.parse(key)), makeStore) : null), [key, enabled]);
  return useSyncExternalStore(topic?.subscribe ?? idleSubscribe, topic?.getSnapshot ?? idleSnapshot, topic?.getSnapshot ?? idleSnapshot) as LiveView<R, F>;
}
