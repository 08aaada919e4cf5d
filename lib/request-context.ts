import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the process knows about the work it is doing now: the HTTP request (or socket event) it
 * serves, the client's address, and whose share of the upstream budget it spends. Set by the
 * custom server for every request and by the relay for every socket event; read by the logger
 * (a request id on every line) and by the Huawei transport (fair shares between users).
 */
export interface RequestContext {
  requestId: string;
  /** The client's address as the server saw it (or as a trusted proxy reported it). */
  clientIp?: string;
  /** Whose share of the upstream budget this work spends: a dashboard user, or a background watcher. */
  lane?: string;
}

// Route handlers are bundled apart from the server's modules: one store for both, through a global symbol.
const KEY = Symbol.for("meeting-monitor.request-context");
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext> };
const storage: AsyncLocalStorage<RequestContext> = ((globalThis as Holder)[KEY] ??= new AsyncLocalStorage<RequestContext>());

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Names the lane of the work under way (a route handler learns the user after the request began). */
export function setLane(lane: string): void {
  const context = storage.getStore();
  if (context) context.lane = lane;
}
