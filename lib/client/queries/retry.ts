import { ApiError } from "@/lib/client/api";

/** Retry once, and never what the server said is the caller's fault (4xx): trying again cannot help. */
export function retryUnlessRefused(failures: number, error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 1;
}
