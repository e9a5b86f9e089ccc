import { isIP } from 'node:net';

/** 127.0.0.1, 127.0.0.2, ... 127.0.0.254, 127.0.1.1, ...: `count` distinct loopback source addresses. */
export function loopbackAddresses(count: number): string[] {
  return Array.from({ length: Math.max(0, count) }, (_, index) => {
    const block = Math.floor(index / 254);
    return `127.${Math.floor(block / 256) % 256}.${block % 256}.${(index % 254) + 1}`;
  });
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

export type SourceAddressResult = { readonly ok: true; readonly addresses: string[] } | { readonly ok: false; readonly message: string };

/**
 * The source addresses sockets are spread over. `spec` is a count of loopback addresses (only
 * for a loopback CSMS URL) or a comma-separated list of local IPs; empty = let the OS choose.
 * Each source address gives about 28 000 ephemeral ports, hence several for large fleets.
 */
export function sourceAddressesOf(spec: string | undefined, targetHost: string): SourceAddressResult {
  if (spec === undefined || spec.trim() === '' || spec.trim() === '0') return { ok: true, addresses: [] };
  if (/^\d+$/.test(spec.trim())) {
    if (!isLoopbackHost(targetHost)) {
      return { ok: false, message: `a count of source addresses needs a loopback CSMS URL (got ${targetHost}); list local IPs instead` };
    }
    return { ok: true, addresses: loopbackAddresses(Number(spec)) };
  }
  const addresses = spec.split(',').map((address) => address.trim()).filter((address) => address !== '');
  const invalid = addresses.find((address) => isIP(address) === 0);
  return invalid === undefined ? { ok: true, addresses } : { ok: false, message: `not an IP address: ${invalid}` };
}

/** Station `index` uses address `index mod n`, so sockets spread evenly. */
export function sourceAddressFor(index: number, addresses: readonly string[]): string | undefined {
  return addresses.length === 0 ? undefined : addresses[index % addresses.length];
}
