import { randomBytes } from 'node:crypto';
import { hashGeneratedPassword } from './password-hash';

/**
 * The form a generated password takes, by the OCPP version the station is configured through:
 * - `ocpp2.0.1`: a BasicAuthPassword passwordString, 16-40 characters of a-z A-Z 0-9 * - _ = : + | @ .
 *   Here 32 characters of base64url (a-z A-Z 0-9 - _), the encoding of 24 random bytes: 192 bits.
 * - `ocpp1.6`: the security whitepaper's AuthorizationKey holds the password's bytes in hexadecimal,
 *   16 to 20 bytes (at most 40 hex digits). 20 characters of the 94 printable ASCII characters
 *   other than space, drawn uniformly: 20 × log2(94) ≈ 131 bits, and still text a station can
 *   send in its Basic header. (The 2.0.1 alphabet would give 20 × log2(71) ≈ 123 bits: too few.)
 */
export const passwordForms = ['ocpp2.0.1', 'ocpp1.6'] as const;
export type StationPasswordForm = (typeof passwordForms)[number];

export interface GeneratedStationPassword {
  /** What the station presents in its Basic header. Returned once to whoever asked for it; never stored or logged. */
  password: string;
  /** What the CSMS stores (scheme hmac-sha256). */
  passwordHash: string;
}

const BASIC_AUTH_PASSWORD_BYTES = 24;
const AUTHORIZATION_KEY_LENGTH = 20;
/** The printable ASCII characters but space: 0x21 '!' to 0x7e '~'. */
const PRINTABLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, index) => String.fromCharCode(0x21 + index)).join('');

/** A fresh password with at least 128 random bits from the operating system's CSPRNG, and its hash. */
export function generateStationPassword(form: StationPasswordForm = 'ocpp2.0.1'): GeneratedStationPassword {
  const password = form === 'ocpp1.6' ? uniformString(PRINTABLE, AUTHORIZATION_KEY_LENGTH) : randomBytes(BASIC_AUTH_PASSWORD_BYTES).toString('base64url');
  return { password, passwordHash: hashGeneratedPassword(password) };
}

/** The 1.6 AuthorizationKey value that makes a station present `password`: its bytes in hexadecimal. */
export function authorizationKeyOf(password: string): string {
  return Buffer.from(password, 'utf8').toString('hex');
}

/** `length` characters of `alphabet`, each uniform: bytes that would bias the modulo are drawn again. */
function uniformString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let result = '';
  while (result.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < limit && result.length < length) result += alphabet.charAt(byte % alphabet.length);
    }
  }
  return result;
}
