import type { ConfTokenStore } from "./conf-tokens";
import type { SimEventPush } from "./event-push";
import type { FaultBook } from "./faults";
import type { PushSocketServer } from "./push-socket";
import type { QualityThresholds } from "./quality-thresholds";
import type { TokenStore } from "./token-store";
import type { World } from "./world";

export interface SimulatorCredentials {
  appId: string;
  appKey: string;
  account: string;
  password: string;
}

/** What every API area of the simulator shares: the world, the token stores, the push sockets. */
export interface SimContext {
  credentials: SimulatorCredentials;
  world: World;
  tokens: TokenStore;
  confTokens: ConfTokenStore;
  faults: FaultBook;
  events: PushSocketServer;
  /** Huawei's enterprise meeting-event push (HTTP POSTs to a subscriber's URL). */
  eventPush: SimEventPush;
  /** The enterprise's QoS statistics: switched on by Huawei or not (the metrics APIs answer 403 when not), and its alarm thresholds. */
  quality: { enabled: boolean; thresholds: QualityThresholds };
  /** Calls per "METHOD path" since start or the last reset. */
  stats: Map<string, number>;
  /** The base URL of the push socket, known once the server listens. */
  wsBase(): string;
}
