import { parseBasicAuthorization } from './basic-auth';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseBasicAuthorization', () => {
  it('splits at the first colon, so passwords may contain colons', () => {
    expect(parseBasicAuthorization(basic('CP-1:pa:ss:word'))).toEqual({ username: 'CP-1', password: 'pa:ss:word' });
  });

  it.each([undefined, '', 'Bearer abc', basic('no-colon'), 'Basic !!!'])('ignores %p', (header) => {
    expect(parseBasicAuthorization(header)).toBeUndefined();
  });
});
