import { hashPassword, isAcceptablePasswordLength, verifyPassword } from './password-hash';
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
  });

  it('holds passwords to the 16-40 characters OCPP allows', () => {
    expect([15, 16, 40, 41].map((length) => isAcceptablePasswordLength('x'.repeat(length)))).toEqual([false, true, true, false]);
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
});
