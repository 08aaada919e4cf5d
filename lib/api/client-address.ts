import { currentContext } from "@/lib/request-context";

/** The header in which the custom server hands route handlers the client's address (any such header from outside is dropped). */
export const CLIENT_ADDRESS_HEADER = "x-mm-client-address";

/** The client's address as the custom server established it (see server/http-guard.ts). */
export function clientAddress(req: Request): string {
  return req.headers.get(CLIENT_ADDRESS_HEADER) ?? currentContext()?.clientIp ?? "unknown";
}
