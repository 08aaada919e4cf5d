export interface IssuedToken {
  token: string;
  /** Epoch ms after which Huawei no longer accepts the token. */
  expiresAt: number;
  /** The Huawei user the token acts for (AuthResp `user.userId`, a UUID), when Huawei says. */
  userUUID?: string;
}

/**
 * Holds one access token and renews it in a single flight: however many calls find it missing,
 * expired or rejected at once, exactly one authentication runs and all of them await it.
 */
export class TokenCache {
  private current?: IssuedToken;
  private inflight?: Promise<IssuedToken>;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    /** Renew this long before the expiry Huawei announced, so no call carries a dying token. */
    private readonly marginMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.current && this.current.expiresAt - this.marginMs > this.now()) return this.current.token;
    return (await this.renew()).token;
  }

  /** The Huawei user behind the token, authenticating first if need be. */
  async userUUID(): Promise<string | undefined> {
    await this.get();
    return this.current?.userUUID;
  }

  /** Called when Huawei answered 401 to `token`; only the first report of a token renews it. */
  async rejected(token: string): Promise<string> {
    if (this.current?.token === token) this.current = undefined;
    return this.get();
  }

  get expiresAt(): number | undefined {
    return this.current?.expiresAt;
  }

  private renew(): Promise<IssuedToken> {
    this.inflight ??= this.issue()
      .then((issued) => {
        this.current = issued;
        return issued;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
