"use client";

import { useMemo, useSyncExternalStore } from "react";
import { subscriptionSchema, type Subscription } from "@/lib/domain/participant";
import type { TopicStore } from "@/lib/live/topic-store";
import { liveTopic, type LiveView } from "./live-topic";

/**
 * A live topic's current view, read through useSyncExternalStore from the tab's one store of it:
 * every component showing the same topic reads the same state, and re-renders when it changes.
 */
export function useLiveTopic<R, F extends object>(sub: Subscription, makeStore: () => TopicStore<R, F>): LiveView<R, F> {
  // The subscription's identity: a new object with the same content is the same topic.
  const key = JSON.stringify(sub);
  // makeStore is a module-level factory; the topic is what matters.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const topic = useMemo(() => liveTopic(subscriptionSchema.parse(JSON.parse(key)), makeStore), [key]);
  return useSyncExternalStore(topic.subscribe, topic.getSnapshot, topic.getSnapshot);
}
