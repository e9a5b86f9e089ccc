// The default import is the node:crypto module object itself, so a spy on it sees the calls password-hash makes.
import crypto from 'node:crypto';
import { hashGeneratedPassword, hashPassword, isAcceptablePasswordLength, verifyPassword } from './password-hash';
import { CredentialVerifier } from './credential-verifier';

const PASSWORD = 'correct-horse-battery';

describe('password hashing', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(stored).not.toContain(PASSWORD);
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
    await expect(verifyPassword(`${PASSWORD}x`, stored)).resolves.toBe(false);
    await expect(verifyPassword(PASSWORD, 'plain$text')).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
    expect(hashGeneratedPassword(PASSWORD)).not.toBe(hashGeneratedPassword(PASSWORD));
  });

  it('holds passwords to the 16-40 characters OCPP allows', () => {
    expect([15, 16, 40, 41].map((length) => isAcceptablePasswordLength('x'.repeat(length)))).toEqual([false, true, true, false]);
  });
});

describe('the hmac-sha256 scheme of generated passwords', () => {
  it('round-trips: the password verifies, any other does not', async () => {
    const stored = hashGeneratedPassword(PASSWORD);
    expect(stored).toMatch(/^hmac-sha256\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(stored).not.toContain(PASSWORD);
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
    await expect(verifyPassword(`${PASSWORD}x`, stored)).resolves.toBe(false);
    await expect(verifyPassword(PASSWORD.toUpperCase(), stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('is the HMAC-SHA256 of the password keyed by the stored salt', async () => {
    const salt = Buffer.alloc(16, 7);
    const mac = crypto.createHmac('sha256', salt).update(PASSWORD).digest('base64');
    await expect(verifyPassword(PASSWORD, `hmac-sha256$${salt.toString('base64')}$${mac}`)).resolves.toBe(true);
  });

  it('compares the MAC in constant time', async () => {
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      await verifyPassword('not-the-password-1', hashGeneratedPassword(PASSWORD));
      expect(compare).toHaveBeenCalledTimes(1);
    } finally {
      compare.mockRestore();
    }
  });
});

describe('stored hashes of unknown schemes or malformed', () => {
  it.each([
    ['an empty string', ''],
    ['no scheme', 'c2FsdA==$bWFj'],
    ['an unknown scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuu'],
    ['sha256 without HMAC', 'sha256$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['hmac without MAC', 'hmac-sha256$c2FsdHNhbHRzYWx0c2FsdA=='],
    ['hmac with an empty salt', 'hmac-sha256$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['hmac with a short MAC', 'hmac-sha256$c2FsdHNhbHRzYWx0c2FsdA==$AAAA'],
    ['hmac with a MAC that is not base64', 'hmac-sha256$c2FsdHNhbHRzYWx0c2FsdA==$!!!!AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['hmac with a trailing field', 'hmac-sha256$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$x'],
    ['scrypt with N not a number', 'scrypt$many$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['scrypt with N not a power of two', 'scrypt$1000$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['scrypt without a hash', 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA=='],
  ])('%s verifies nothing (and does not throw)', async (_case, stored) => {
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(false);
  });
});

describe('CredentialVerifier', () => {
  it('remembers a verified password only for the same stored hash', async () => {
    const verifier = new CredentialVerifier();
    const stored = await hashPassword(PASSWORD);
    await expect(verifier.verify('CP-1', PASSWORD, stored)).resolves.toBe(true);
    await expect(verifier.verify('CP-1', 'another-password-16', stored)).resolves.toBe(false);
    const rotated = await hashPassword('rotated-password-123');
    await expect(verifier.verify('CP-1', PASSWORD, rotated)).resolves.toBe(false);
    await expect(verifier.verify('CP-1', 'short', stored)).resolves.toBe(false);
  });

  it('forgets a remembered password when the station moves to a generated one', async () => {
    const verifier = new CredentialVerifier();
    await expect(verifier.verify('CP-1', PASSWORD, await hashPassword(PASSWORD))).resolves.toBe(true);
    const generated = hashGeneratedPassword('generated-password-0123');
    await expect(verifier.verify('CP-1', PASSWORD, generated)).resolves.toBe(false);
    await expect(verifier.verify('CP-1', 'generated-password-0123', generated)).resolves.toBe(true);
  });

  describe('timing that does not tell which station ids exist', () => {
    let scrypt: jest.SpyInstance;
    beforeEach(() => (scrypt = jest.spyOn(crypto, 'scrypt')));
    afterEach(() => scrypt.mockRestore());

    it('verifies a right generated password without scrypt', async () => {
      await expect(new CredentialVerifier().verify('CP-1', PASSWORD, hashGeneratedPassword(PASSWORD))).resolves.toBe(true);
      expect(scrypt).not.toHaveBeenCalled();
    });

    it('refuses a wrong password at the cost of one scrypt, whatever the scheme of the stored hash', async () => {
      const verifier = new CredentialVerifier();
      await expect(verifier.verify('CP-1', 'wrong-password-0123', hashGeneratedPassword(PASSWORD))).resolves.toBe(false);
      expect(scrypt).toHaveBeenCalledTimes(1);
      await expect(verifier.verify('CP-2', 'wrong-password-0123', 'unknown$scheme')).resolves.toBe(false);
      expect(scrypt).toHaveBeenCalledTimes(2);
      const chosen = await hashPassword(PASSWORD);
      scrypt.mockClear();
      await expect(verifier.verify('CP-3', 'wrong-password-0123', chosen)).resolves.toBe(false);
      expect(scrypt).toHaveBeenCalledTimes(1);
    });

    it('refuses an unknown station id at the same cost', async () => {
      await expect(new CredentialVerifier().refuseUnknown('any-password-01234')).resolves.toBe(false);
      expect(scrypt).toHaveBeenCalledTimes(1);
    });
  });
});
