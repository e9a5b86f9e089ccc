import { BlockList, isIP } from 'node:net';

/** `::ffff:192.0.2.1` is the IPv4 client 192.0.2.1 on a dual-stack socket. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address.toLowerCase();
}

/**
 * The key an address is limited by: an IPv4 address as it is, an IPv6 address by its /64
 * (one subscriber's allocation: an attacker holds a whole /64 and could otherwise rotate
 * through it at will).
 */
export function limitKeyOf(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Whose X-Forwarded-For is believed (OCPP_TRUSTED_PROXIES): anyone can send the header, so
 * only the hops our own proxies appended count. The client is the rightmost hop that is not a
 * trusted proxy; with no trusted proxies, the socket's peer.
 */
export class TrustedProxies {
  private readonly ranges = new BlockList();
  private readonly any: boolean;

  constructor(ranges: string[]) {
    for (const range of ranges) {
      const [address = '', prefix] = range.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.ranges.addAddress(address, type);
      else this.ranges.addSubnet(address, Number(prefix), type);
    }
    this.any = ranges.length > 0;
  }

  isTrusted(address: string): boolean {
    const family = isIP(address);
    return this.any && family !== 0 && this.ranges.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }

  /** The client's address; the peer's when the header is absent, unbelieved or unreadable. */
  clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
    let client = plainAddress(peer ?? 'unknown');
    if (!this.isTrusted(client) || forwardedFor === undefined) return client;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((hop) => plainAddress(hop.trim()));
    for (let i = hops.length - 1; i >= 0; i -= 1) {
      const hop = hops[i] as string;
      // A trusted proxy appends what it saw; anything else is not an address and ends the walk.
      if (isIP(hop) === 0) return client;
      client = hop;
      if (!this.isTrusted(hop)) return client;
    }
    return client;
  }
}
