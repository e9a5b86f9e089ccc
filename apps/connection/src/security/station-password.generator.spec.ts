import { verifyPassword } from './password-hash';
import { authorizationKeyOf, generateStationPassword } from './station-password.generator';

/** OCPP 2.0.1 passwordString: a-z, A-Z, 0-9, '*', '-', '_', '=', ':', '+', '|', '@', '.' */
const PASSWORD_STRING = /^[a-zA-Z0-9*\-_=:+|@.]+$/;
const SAMPLES = 2_000;

/** Bits of entropy the empirical character distribution of `passwords` shows, per character. */
function bitsPerCharacter(passwords: string[]): number {
  const counts = new Map<string, number>();
  for (const character of passwords.join('')) counts.set(character, (counts.get(character) ?? 0) + 1);
  const total = passwords.join('').length;
  return -[...counts.values()].reduce((sum, count) => sum + (count / total) * Math.log2(count / total), 0);
}

describe('generateStationPassword', () => {
  it('gives a 2.0.1 station 32 passwordString characters of base64url: 192 bits', () => {
    const passwords = Array.from({ length: SAMPLES }, () => generateStationPassword().password);
    for (const password of passwords) {
      expect(password).toHaveLength(32);
      expect(password).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(password).toMatch(PASSWORD_STRING);
    }
    expect(new Set(passwords.join(''))).toHaveProperty('size', 64);
    // 64 symbols used evenly: close to 6 bits per character, 32 × 6 = 192 ≥ 128.
    expect(bitsPerCharacter(passwords)).toBeGreaterThan(5.95);
    expect(new Set(passwords).size).toBe(SAMPLES);
  });

  it('gives a 1.6 station 20 printable ASCII characters: 131 bits in the 20 bytes AuthorizationKey allows', () => {
    const passwords = Array.from({ length: SAMPLES }, () => generateStationPassword('ocpp1.6').password);
    for (const password of passwords) {
      expect(password).toHaveLength(20);
      expect(password).toMatch(/^[\x21-\x7e]+$/);
      expect(authorizationKeyOf(password)).toMatch(/^[0-9a-f]{40}$/);
    }
    expect(new Set(passwords.join(''))).toHaveProperty('size', 94);
    // log2(94) ≈ 6.55 bits per character: 20 × 6.5 = 130 ≥ 128.
    expect(bitsPerCharacter(passwords)).toBeGreaterThan(6.5);
    expect(new Set(passwords).size).toBe(SAMPLES);
  });

  it('hashes with the fast scheme, and the hash verifies the password', async () => {
    for (const form of ['ocpp2.0.1', 'ocpp1.6'] as const) {
      const { password, passwordHash } = generateStationPassword(form);
      expect(passwordHash).toMatch(/^hmac-sha256\$/);
      expect(passwordHash).not.toContain(password);
      await expect(verifyPassword(password, passwordHash)).resolves.toBe(true);
      await expect(verifyPassword(generateStationPassword(form).password, passwordHash)).resolves.toBe(false);
    }
  });

  it('writes the 1.6 AuthorizationKey as the hexadecimal of the password bytes', () => {
    expect(authorizationKeyOf('0123456789abcdef!~')).toBe('30313233343536373839616263646566217e');
  });
});
