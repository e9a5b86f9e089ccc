import { createHmac, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Two stored-hash schemes, chosen by where the password came from (ADR 032), told apart by the
// prefix of the stored hash:
//   scrypt$N$r$p$saltB64$keyB64   a password someone chose (an operator, a station's installer):
//                                 its entropy is unknown, so the work factor is what slows guessing.
//   hmac-sha256$saltB64$macB64    a password the CSMS generated with >= 128 random bits: beyond
//                                 brute force whatever the cost per guess, so one HMAC is enough.
// verifyPassword dispatches on the prefix; an unknown or malformed stored hash verifies nothing.

/**
 * scrypt with a modest cost: the parameters are stored with each hash so they can be raised later;
 * N=1024 keeps a boot storm of thousands of stations with chosen passwords within seconds (ADR 006).
 */
const SCRYPT_PARAMS = { N: 1024, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const SCRYPT_MAX_MEMORY = 64 * 1024 * 1024;

export const SCRYPT_SCHEME = 'scrypt';
export const HMAC_SCHEME = 'hmac-sha256';

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, KEY_LENGTH, { ...options, maxmem: SCRYPT_MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** For a password someone chose: `scrypt$N$r$p$saltBase64$hashBase64`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, SCRYPT_PARAMS);
  return [SCRYPT_SCHEME, SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * For a password the CSMS generated with at least 128 random bits (generateStationPassword), and
 * only for such: `hmac-sha256$saltBase64$macBase64`, the HMAC-SHA256 of the password keyed by a
 * random salt. The salt keeps equal passwords from having equal hashes.
 */
export function hashGeneratedPassword(password: string): string {
  const salt = randomBytes(SALT_LENGTH);
  return [HMAC_SCHEME, salt.toString('base64'), hmac(password, salt).toString('base64')].join('$');
}

/** The scheme a stored hash names (the text before its first `$`). */
export function schemeOf(stored: string): string {
  const end = stored.indexOf('$');
  return end < 0 ? '' : stored.slice(0, end);
}

/** Whether `password` is the one `stored` was made from; false for a stored hash of an unknown scheme or malformed. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  switch (schemeOf(stored)) {
    case SCRYPT_SCHEME:
      return verifyScrypt(password, stored);
    case HMAC_SCHEME:
      return verifyHmac(password, stored);
    default:
      return false;
  }
}

function hmac(password: string, salt: Buffer): Buffer {
  return createHmac('sha256', salt).update(password, 'utf8').digest();
}

function verifyHmac(password: string, stored: string): boolean {
  const [, salt, mac, ...rest] = stored.split('$');
  const expected = decodeBase64(mac);
  const key = decodeBase64(salt);
  if (rest.length > 0 || key === undefined || expected?.length !== KEY_LENGTH) return false;
  return timingSafeEqual(hmac(password, key), expected);
}

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, hash, ...rest] = stored.split('$');
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = decodeBase64(hash);
  const key = decodeBase64(salt);
  if (rest.length > 0 || key === undefined || expected === undefined || !Object.values(options).every((value) => Number.isSafeInteger(value) && value > 0)) return false;
  try {
    const actual = await scrypt(password, key, options);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  } catch {
    // Parameters scrypt refuses (N not a power of two, beyond the memory bound): nothing verifies against them.
    return false;
  }
}

/** Strict base64 (what Buffer.toString('base64') writes); undefined for anything else or nothing. */
function decodeBase64(text: string | undefined): Buffer | undefined {
  if (text === undefined || text.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  return Buffer.from(text, 'base64');
}

/** OCPP 2.0.1 BasicAuthPassword and the 1.6 security whitepaper: 16 to 40 characters. */
export function isAcceptablePasswordLength(password: string): boolean {
  return password.length >= 16 && password.length <= 40;
}
