import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { alertsResponseSchema, channelSchema, deliverySchema, ruleSchema, type NewChannel, type NewRule } from "@/lib/alerts/alert-schemas";
import { getJson, sendJson } from "@/lib/client/api";

export const alertKeys = {
  all: ["alerts"] as const,
  list: ["alerts", "list"] as const,
  channels: ["alerts", "channels"] as const,
  rules: ["alerts", "rules"] as const,
};

/** What fires and what fired, with deliveries: asked every few seconds (a wall too, which gets what fires only). */
export function alertsQuery(refetchMs = 5_000) {
  return queryOptions({ queryKey: alertKeys.list, queryFn: ({ signal }) => getJson("/api/alerts", alertsResponseSchema, signal), refetchInterval: refetchMs });
}

export function channelsQuery() {
  return queryOptions({ queryKey: alertKeys.channels, queryFn: ({ signal }) => getJson("/api/alerts/channels", z.object({ items: z.array(channelSchema) }), signal), refetchInterval: 15_000 });
}

export function rulesQuery() {
  return queryOptions({ queryKey: alertKeys.rules, queryFn: ({ signal }) => getJson("/api/alerts/rules", z.object({ items: z.array(ruleSchema) }), signal) });
}

export async function createChannel(input: NewChannel) {
  return z.object({ id: z.string(), secret: z.string().optional() }).parse(await sendJson("POST", "/api/alerts/channels", input));
}

export async function removeChannel(id: string): Promise<void> {
  await sendJson("DELETE", `/api/alerts/channels/${encodeURIComponent(id)}`);
}

export async function testChannel(id: string) {
  return deliverySchema.parse(await sendJson("POST", `/api/alerts/channels/${encodeURIComponent(id)}/test`));
}

export async function createRule(input: NewRule) {
  return z.object({ id: z.string() }).parse(await sendJson("POST", "/api/alerts/rules", input));
}

export async function removeRule(id: string): Promise<void> {
  await sendJson("DELETE", `/api/alerts/rules/${encodeURIComponent(id)}`);
}

export async function acknowledgeAlert(id: string): Promise<void> {
  await sendJson("POST", `/api/alerts/${encodeURIComponent(id)}/ack`);
}

export async function silenceAlert(id: string, minutes: number): Promise<void> {
  await sendJson("POST", `/api/alerts/${encodeURIComponent(id)}/silence`, { minutes });
}
