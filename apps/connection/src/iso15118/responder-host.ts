import { isIP } from 'node:net';

/**
 * Whether the gateway may POST a station's OCSP request to this responder. The URL comes from the
 * station, so without a check a station could make the CSMS call anything it can reach (SSRF). With
 * an allow-list only those hosts; without one, any host except names and literal addresses that
 * point inside: loopback, private, link-local and unspecified. A public name that resolves inside
 * is not caught here: production sets the allow-list.
 */
export function responderHostAllowed(url: URL, allowList: readonly string[] | undefined): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (allowList !== undefined) return allowList.includes(host);
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  const family = isIP(host);
  if (family === 4) return !internalIpv4(host);
  if (family === 6) return !internalIpv6(host);
  return true;
}

function internalIpv4(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

function internalIpv6(address: string): boolean {
  // IPv4-mapped addresses, which URL writes in hex (::ffff:7f00:1 for 127.0.0.1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const [high, low] = [parseInt(mapped[1] ?? '0', 16), parseInt(mapped[2] ?? '0', 16)];
    return internalIpv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return address === '::' || address === '::1' || /^f[cd]/.test(address) || /^fe[89ab]/.test(address);
}
