import { TrustedProxies, limitKeyOf, plainAddress } from './client-address';

describe('client address', () => {
  it('reads an IPv4-mapped IPv6 peer as the IPv4 address', () => {
    expect(plainAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(plainAddress('2001:DB8::1')).toBe('2001:db8::1');
  });

  it('limits IPv6 clients by their /64, IPv4 clients by their address', () => {
    expect(limitKeyOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(limitKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(limitKeyOf('198.51.100.4')).toBe('198.51.100.4');
  });

  it('believes X-Forwarded-For only from a trusted proxy', () => {
    const proxies = new TrustedProxies(['10.0.0.0/8', '127.0.0.1']);
    expect(proxies.clientAddress('10.1.2.3', '203.0.113.9')).toBe('203.0.113.9');
    expect(proxies.clientAddress('::ffff:127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    expect(proxies.clientAddress('198.51.100.4', '203.0.113.9')).toBe('198.51.100.4');
    expect(proxies.clientAddress('10.1.2.3', undefined)).toBe('10.1.2.3');
    expect(new TrustedProxies([]).clientAddress('10.1.2.3', '203.0.113.9')).toBe('10.1.2.3');
  });

  it('takes the rightmost hop that is not a trusted proxy: what a client writes to the left is ignored', () => {
    const proxies = new TrustedProxies(['10.0.0.0/8']);
    expect(proxies.clientAddress('10.0.0.1', '1.1.1.1, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    expect(proxies.clientAddress('10.0.0.1', ['1.1.1.1', '203.0.113.9'])).toBe('203.0.113.9');
  });

  it('stops at a hop that is not an address, and never believes it', () => {
    const proxies = new TrustedProxies(['10.0.0.0/8']);
    expect(proxies.clientAddress('10.0.0.1', 'unknown')).toBe('10.0.0.1');
    expect(proxies.clientAddress('10.0.0.1', '203.0.113.9, garbage, 10.0.0.2')).toBe('10.0.0.2');
  });

  it('trusts IPv6 ranges too', () => {
    const proxies = new TrustedProxies(['fd00::/8']);
    expect(proxies.isTrusted('fd12::1')).toBe(true);
    expect(proxies.isTrusted('2001:db8::1')).toBe(false);
    expect(proxies.isTrusted('not an address')).toBe(false);
  });
});
