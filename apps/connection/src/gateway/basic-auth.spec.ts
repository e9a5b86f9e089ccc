import { basicCredentialsOf, parseBasicAuthorization } from './basic-auth';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseBasicAuthorization', () => {
  it('splits at the first colon, so passwords may contain colons', () => {
    expect(parseBasicAuthorization(basic('CP-1:pa:ss:word'))).toEqual({ username: 'CP-1', password: 'pa:ss:word' });
  });

  it.each([undefined, '', 'Bearer abc', basic('no-colon'), 'Basic !!!'])('ignores %p', (header) => {
    expect(parseBasicAuthorization(header)).toBeUndefined();
  });
});

describe('basicCredentialsOf', () => {
  it('keeps a station id that contains colons whole (regression)', () => {
    expect(basicCredentialsOf('OP:CP:1', basic('OP:CP:1:secret-password-123'))).toEqual({ username: 'OP:CP:1', password: 'secret-password-123' });
  });

  it('falls back to the first colon for another user name', () => {
    expect(basicCredentialsOf('CP-1', basic('CP-2:pw'))).toEqual({ username: 'CP-2', password: 'pw' });
  });
});
