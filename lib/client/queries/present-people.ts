import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/client/api";
import { presentPeopleResponseSchema } from "@/lib/domain/present-person";
import { retryUnlessRefused } from "./retry";

/** Fewer characters than this match too many people to be worth asking. */
export const PRESENT_PEOPLE_MIN_CHARS = 2;

export const presentPeopleKeys = {
  search: (q: string) => ["present-people", q] as const,
};

/** Who is in which ongoing meeting, by name, pinyin, number or account. */
export function presentPeopleQuery(q: string) {
  return queryOptions({
    queryKey: presentPeopleKeys.search(q),
    queryFn: ({ signal }) => getJson(`/api/people/present?${new URLSearchParams({ q })}`, presentPeopleResponseSchema, signal),
    enabled: q.length >= PRESENT_PEOPLE_MIN_CHARS,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    retry: retryUnlessRefused,
  });
}
