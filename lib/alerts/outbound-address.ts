import { lookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { BlockList, isIP } from "node:net";

/**
 * Which addresses a channel may reach. A channel URL is typed by an admin, but a channel must not
 * become a way into the dashboard's own network: link-local and cloud metadata addresses are
 * always refused, private networks unless allowed (an on-premises receiver), and plain http is
 * for loopback only (a local relay, or a test's receiver). The check is made on the address the
 * connection actually uses, so a name that resolves to something else later (DNS rebinding) is
 * refused too.
 */
const NEVER = new BlockList();
NEVER.addSubnet("0.0.0.0", 8, "ipv4");
NEVER.addSubnet("169.254.0.0", 16, "ipv4"); // link-local, with 169.254.169.254 (AWS, GCP, Azure, Huawei Cloud metadata)
NEVER.addAddress("100.100.100.200", "ipv4"); // Alibaba Cloud metadata
NEVER.addSubnet("224.0.0.0", 4, "ipv4");
NEVER.addSubnet("240.0.0.0", 4, "ipv4");
NEVER.addAddress("::", "ipv6");
NEVER.addSubnet("fe80::", 10, "ipv6");
NEVER.addAddress("fd00:ec2::254", "ipv6"); // AWS metadata over IPv6
NEVER.addSubnet("ff00::", 8, "ipv6");

const PRIVATE = new BlockList();
PRIVATE.addSubnet("10.0.0.0", 8, "ipv4");
PRIVATE.addSubnet("172.16.0.0", 12, "ipv4");
PRIVATE.addSubnet("192.168.0.0", 16, "ipv4");
PRIVATE.addSubnet("100.64.0.0", 10, "ipv4");
PRIVATE.addSubnet("fc00::", 7, "ipv6");

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

export interface AddressPolicy {
  /** ALERT_ALLOW_PRIVATE_NETWORKS=on: receivers on 10/8, 172.16/12, 192.168/16, 100.64/10 and fc00::/7 may be reached. */
  allowPrivate: boolean;
}

/** An IPv4 address written as IPv6 (::ffff:169.254.169.254) is judged as the IPv4 address it is. */
function normalized(ip: string): { ip: string; family: "ipv4" | "ipv6" } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return { ip: mapped[1]!, family: "ipv4" };
  return { ip, family: isIP(ip) === 6 ? "ipv6" : "ipv4" };
}

export function isLoopback(ip: string): boolean {
  const n = normalized(ip);
  return LOOPBACK.check(n.ip, n.family);
}

/** Why an address may not be reached, or null when it may. */
export function addressProblem(ip: string, policy: AddressPolicy): string | null {
  const n = normalized(ip);
  if (NEVER.check(n.ip, n.family)) return `${ip} is a link-local, metadata or reserved address`;
  if (!policy.allowPrivate && PRIVATE.check(n.ip, n.family)) return `${ip} is on a private network (ALERT_ALLOW_PRIVATE_NETWORKS=on allows it)`;
  return null;
}

/** Whether a URL's host is loopback by name or number (localhost, 127.x, ::1). */
export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  return isIP(bare) !== 0 && isLoopback(bare);
}

export class RefusedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusedAddressError";
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request and net.connect that resolves the name, refuses it when any of its
 * addresses may not be reached (or, with `loopbackOnly`, when any is not loopback), and answers
 * in the shape the caller asked for.
 */
export function guardedLookup(policy: AddressPolicy, loopbackOnly: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    lookup(hostname, { ...(options as object), all: true } as LookupAllOptions, (err, addresses) => {
      if (err) return callback(err, "");
      for (const a of addresses) {
        const problem = addressProblem(a.address, policy) ?? (loopbackOnly && !isLoopback(a.address) ? `plain http is only for loopback hosts, and ${hostname} is ${a.address}` : null);
        if (problem) return callback(Object.assign(new RefusedAddressError(problem), { code: "EREFUSEDADDRESS" }), "");
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
      callback(null, first.address, first.family);
    });
  };
}

/** Resolves a host once and checks every address; the first address to connect to. */
export function resolveChecked(hostname: string, policy: AddressPolicy, loopbackOnly: boolean): Promise<string> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve, reject) => {
    guardedLookup(policy, loopbackOnly)(bare, {}, (err, address) => (err ? reject(err) : resolve(address as string)));
  });
}
