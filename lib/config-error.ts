/** A misconfiguration the operator must fix; the server prints its message as one line and exits. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}
