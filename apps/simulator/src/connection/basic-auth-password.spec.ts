import { BasicAuthPassword } from './basic-auth-password';

describe('BasicAuthPassword', () => {
  it('takes a 2.0.1 passwordString of 16-40 allowed characters, and nothing else', () => {
    const password = new BasicAuthPassword('configured-password-1');
    expect(password.setPasswordString('a'.repeat(15))).toBe(false);
    expect(password.setPasswordString('with space in it 123')).toBe(false);
    expect(password.setPasswordString('x'.repeat(41))).toBe(false);
    expect(password.value).toBe('configured-password-1');
    expect(password.setPasswordString('Az09*-_=:+|@.Az09*-_=:+|@.Az09*-_=:+')).toBe(true);
    expect(password.value).toBe('Az09*-_=:+|@.Az09*-_=:+|@.Az09*-_=:+');
  });

  it('takes a 1.6 AuthorizationKey of 16-20 bytes in hex, and connects with the bytes it spells', () => {
    const password = new BasicAuthPassword(undefined);
    expect(password.setAuthorizationKey('30'.repeat(15))).toBe(false);
    expect(password.setAuthorizationKey('30'.repeat(21))).toBe(false);
    expect(password.setAuthorizationKey(`${'30'.repeat(16)}3`)).toBe(false);
    expect(password.setAuthorizationKey('zz'.repeat(16))).toBe(false);
    expect(password.value).toBeUndefined();
    expect(password.setAuthorizationKey(Buffer.from('!sixteen~bytes:ok"').toString('hex'))).toBe(true);
    expect(password.value).toBe('!sixteen~bytes:ok"');
  });
});
