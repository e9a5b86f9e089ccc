import { isLoopbackHost, loopbackAddresses, sourceAddressFor, sourceAddressesOf } from './source-addresses';

describe('source addresses', () => {
  it('counts loopback addresses from 127.0.0.1, skipping .0 and .255', () => {
    expect(loopbackAddresses(3)).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
    const many = loopbackAddresses(256);
    expect(many[253]).toBe('127.0.0.254');
    expect(many[254]).toBe('127.0.1.1');
    expect(new Set(many).size).toBe(256);
  });

  it('recognises loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });

  it('accepts a count for a loopback target only', () => {
    expect(sourceAddressesOf('2', '127.0.0.1')).toEqual({ ok: true, addresses: ['127.0.0.1', '127.0.0.2'] });
    expect(sourceAddressesOf('2', 'csms.example.com')).toMatchObject({ ok: false });
  });

  it('accepts a list of local IPs and refuses anything else', () => {
    expect(sourceAddressesOf('10.0.0.5, 10.0.0.6', 'csms.example.com')).toEqual({ ok: true, addresses: ['10.0.0.5', '10.0.0.6'] });
    expect(sourceAddressesOf('10.0.0.5,nope', 'csms.example.com')).toEqual({ ok: false, message: 'not an IP address: nope' });
  });

  it('lets the OS choose when nothing or 0 is given', () => {
    expect(sourceAddressesOf(undefined, 'x')).toEqual({ ok: true, addresses: [] });
    expect(sourceAddressesOf('0', 'x')).toEqual({ ok: true, addresses: [] });
    expect(sourceAddressFor(5, [])).toBeUndefined();
  });

  it('spreads stations round-robin', () => {
    expect([0, 1, 2, 3].map((index) => sourceAddressFor(index, ['a', 'b', 'c']))).toEqual(['a', 'b', 'c', 'a']);
  });
});
