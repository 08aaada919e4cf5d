import type { Viewer } from "@/lib/auth/viewer";
import type { Caller } from "@/lib/huawei/client";

/** Admins and wall displays see the whole enterprise; a host sees what Huawei shows their own user. */
export function callerFor(viewer: Viewer): Caller {
  if (viewer.role === "host") return { huaweiUserId: viewer.huaweiUserId ?? undefined };
  return { queryAll: true };
}

/** Viewers who see the same meetings share cache entries. */
export function scopeKey(viewer: Viewer): string {
  return viewer.role === "host" ? `host:${viewer.huaweiUserId}` : "enterprise";
}
