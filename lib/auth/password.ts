import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import PQueue from "p-queue";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

// OWASP's scrypt floor (N=2^17, r=8, p=1); about 100 ms per check on this class of machine.
const PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEY_LENGTH = 32;

/**
 * scrypt runs in libuv's thread pool (4 threads), which file reads, DNS and zlib share: at most two
 * hashes at once leave the rest of the server its threads, and past a short queue a sign-in is
 * refused at once (`PasswordCheckBusy`) instead of waiting behind a flood of junk attempts.
 */
const HASHING = new PQueue({ concurrency: 2 });
const MAX_WAITING = 16;

export class PasswordCheckBusy extends Error {
  constructor() {
    super("too many sign-ins are being checked right now");
    this.name = "PasswordCheckBusy";
  }
}

function hashInPool(password: string, salt: Buffer, keyLength: number, params: typeof PARAMS): Promise<Buffer> {
  if (HASHING.size >= MAX_WAITING) return Promise.reject(new PasswordCheckBusy());
  return HASHING.add(() => scryptAsync(password, salt, keyLength, params));
}

/** "scrypt$N$r$p$salt$hash", so the parameters can change without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await hashInPool(password, salt, KEY_LENGTH, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), hash.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await hashInPool(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(actual, expected);
}
