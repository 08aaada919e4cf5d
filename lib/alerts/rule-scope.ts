import type { Rule, RuleScope } from "./alert-schemas";

interface Scoped {
  conferenceID: string;
  subject: string;
  hostName: string | null;
  hostUserUUID: string | null;
  department: string | null;
}

/** A subject pattern: `*` is any text, everything else literal, without case. */
function patternMatches(pattern: string, text: string): boolean {
  const re = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "is");
  return re.test(text);
}

const same = (a: string, b: string | null) => b !== null && a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

/** Whether a meeting is within a scope: an empty scope covers every meeting; otherwise any one listed field must match. */
export function scopeCovers(scope: RuleScope, m: Scoped): boolean {
  const lists = [scope.conferenceIds, scope.hosts, scope.departments, scope.subjects];
  if (lists.every((l) => !l?.length)) return true;
  return Boolean(
    scope.conferenceIds?.includes(m.conferenceID) ||
      scope.hosts?.some((h) => same(h, m.hostName)) ||
      scope.departments?.some((d) => same(d, m.department)) ||
      scope.subjects?.some((p) => patternMatches(p, m.subject)),
  );
}

/** A host's rule covers only the meetings Huawei names them host of; an admin's, its scope. */
export function matchesScope(rule: Pick<Rule, "scope" | "ownerRole" | "ownerUserUUID">, m: Scoped): boolean {
  if (rule.ownerRole === "host" && (!rule.ownerUserUUID || m.hostUserUUID !== rule.ownerUserUUID)) return false;
  return scopeCovers(rule.scope, m);
}
