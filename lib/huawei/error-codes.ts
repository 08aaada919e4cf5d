/**
 * Huawei codes the dashboard acts on. Plain data, so code bundled apart from the client (route
 * handlers) can recognise them without instanceof.
 */

/** "No such meeting", or one the caller may not see (or a wrong chair password). */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set(["MMC.111070005", "MMC.111072065", "MBI.104000008"]);

/** The meeting is not going on (any more): its live watch is over. */
export const MEETING_OVER_CODES: ReadonlySet<string> = new Set(["MMC.111072005", "MMC.111070005"]);

/** The control-token call refused the chair password (or found no such meeting): CONF_NOT_FOUND_OR_AUTH_FAILED. */
export const HOST_PASSWORD_REFUSED = "MMC.111072065";
