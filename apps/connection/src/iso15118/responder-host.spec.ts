import { responderHostAllowed } from './responder-host';

const allowed = (url: string, allowList?: string[]) => responderHostAllowed(new URL(url), allowList);

describe('responderHostAllowed (a station names the OCSP responder the gateway calls)', () => {
  it('lets any public host through when no allow-list is set', () => {
    expect(allowed('http://ocsp.example.com/ocsp')).toBe(true);
    expect(allowed('http://8.8.8.8/')).toBe(true);
    expect(allowed('http://[2001:db8::1]/')).toBe(true);
  });

  it('refuses loopback, private, link-local and unspecified addresses without an allow-list', () => {
    for (const url of ['http://localhost/', 'http://api.localhost/', 'http://127.0.0.1:3002/api/ocsp', 'http://10.1.2.3/', 'http://172.16.0.1/', 'http://172.31.255.255/', 'http://192.168.1.1/', 'http://169.254.169.254/latest', 'http://0.0.0.0/', 'http://100.64.0.1/', 'http://[::1]/', 'http://[fd00::1]/', 'http://[fe80::1]/', 'http://[::ffff:127.0.0.1]/']) {
      expect([url, allowed(url)]).toEqual([url, false]);
    }
    expect(allowed('http://172.32.0.1/')).toBe(true);
  });

  it('allows only the listed hosts when an allow-list is set, internal ones included', () => {
    expect(allowed('http://127.0.0.1:3002/api/ocsp', ['127.0.0.1'])).toBe(true);
    expect(allowed('http://OCSP.example.com/', ['ocsp.example.com'])).toBe(true);
    expect(allowed('http://other.example.com/', ['ocsp.example.com'])).toBe(false);
  });
});
