import type { Random } from "./random";

interface Issued {
  conferenceID: string;
  expiresAt: number;
}

/** Meeting-control tokens (30 minutes) and the single-use WebSocket tokens (1 minute) they buy. */
export class ConfTokenStore {
  private readonly confTokens = new Map<string, Issued>();
  private readonly wsTokens = new Map<string, Issued>();

  constructor(
    private readonly rng: Random,
    public confTokenTtlSeconds = 1800,
  ) {}

  issue(conferenceID: string, now = Date.now()): { token: string; expiresAt: number } {
    const token = `stb${this.rng.hex(48)}`;
    const expiresAt = now + this.confTokenTtlSeconds * 1000;
    this.confTokens.set(token, { conferenceID, expiresAt });
    return { token, expiresAt };
  }

  /** The header may carry the token raw or as "Basic base64(token)"; both are documented. */
  conferenceOf(header: string | undefined, now = Date.now()): string | undefined {
    if (!header) return undefined;
    const basic = /^Basic\s+(.+)$/i.exec(header.trim());
    const token = basic ? Buffer.from(basic[1]!, "base64").toString("utf8") : header.trim();
    const issued = this.confTokens.get(token);
    return issued && issued.expiresAt > now ? issued.conferenceID : undefined;
  }

  /** Every control and socket token issued and still kept, for the test surface's secret scan. */
  all(): string[] {
    return [...this.confTokens.keys(), ...this.wsTokens.keys()];
  }

  issueWsToken(conferenceID: string, now = Date.now()): string {
    const token = `cnr${this.rng.hex(48)}`;
    this.wsTokens.set(token, { conferenceID, expiresAt: now + 60_000 });
    return token;
  }

  /** Single use: the token is gone once tried, valid or not. */
  takeWsToken(token: string, conferenceID: string, now = Date.now()): boolean {
    const issued = this.wsTokens.get(token);
    this.wsTokens.delete(token);
    return Boolean(issued && issued.conferenceID === conferenceID && issued.expiresAt > now);
  }

  expireAll(): void {
    for (const issued of this.confTokens.values()) issued.expiresAt = 0;
  }
}
