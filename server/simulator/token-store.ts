import type { Random } from "./random";
import type { SimUser } from "./world";

interface Issued {
  user: SimUser;
  expiresAt: number;
}

/** Huawei keeps at most 64 live API tokens per user; the 65th evicts the oldest. */
const MAX_PER_USER = 64;

export class TokenStore {
  private readonly tokens = new Map<string, Issued>();

  constructor(
    private readonly rng: Random,
    public ttlSeconds: number,
  ) {}

  issue(user: SimUser, now = Date.now()): { token: string; expiresAt: number } {
    const token = `stb${this.rng.alnum(36, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")}`;
    const expiresAt = now + this.ttlSeconds * 1000;
    const mine = [...this.tokens.entries()].filter(([, v]) => v.user.userUUID === user.userUUID);
    if (mine.length >= MAX_PER_USER) this.tokens.delete(mine[0]![0]);
    this.tokens.set(token, { user, expiresAt });
    return { token, expiresAt };
  }

  userOf(token: string | undefined, now = Date.now()): SimUser | undefined {
    if (!token) return undefined;
    const issued = this.tokens.get(token);
    if (!issued || issued.expiresAt <= now) return undefined;
    return issued.user;
  }

  /** Every token issued and still kept, for the test surface's secret scan. */
  all(): string[] {
    return [...this.tokens.keys()];
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** Fault injection: every token issued so far stops working now. */
  expireAll(): void {
    for (const issued of this.tokens.values()) issued.expiresAt = 0;
  }
}
