/**
 * The little DER a station needs: reading certificates for their OCPP hash data and writing a
 * PKCS#10 request. Definite lengths only (DER never uses others).
 */
export interface Tlv {
  readonly tag: number;
  /** Offset of the tag byte. */
  readonly start: number;
  /** Offset of the first content byte. */
  readonly contentStart: number;
  /** Offset just past the content. */
  readonly end: number;
}

export enum DerTag {
  Integer = 0x02,
  BitString = 0x03,
  Null = 0x05,
  ObjectIdentifier = 0x06,
  Utf8String = 0x0c,
  Sequence = 0x30,
  Set = 0x31,
  ContextConstructed0 = 0xa0,
}

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export function readTlv(der: Buffer, start: number): Tlv {
  if (start + 2 > der.length) throw new DerError(`truncated DER at ${start}`);
  const tag = der[start] ?? 0;
  const first = der[start + 1] ?? 0;
  let length = first;
  let contentStart = start + 2;
  if (first & 0x80) {
    const octets = first & 0x7f;
    if (octets === 0 || octets > 4) throw new DerError(`unsupported DER length at ${start}`);
    length = 0;
    for (let i = 0; i < octets; i += 1) length = length * 256 + (der[start + 2 + i] ?? 0);
    contentStart += octets;
  }
  const end = contentStart + length;
  if (end > der.length) throw new DerError(`DER element at ${start} overruns its buffer`);
  return { tag, start, contentStart, end };
}

/** The elements directly inside a constructed element. */
export function childrenOf(der: Buffer, parent: Tlv): Tlv[] {
  const children: Tlv[] = [];
  for (let offset = parent.contentStart; offset < parent.end; ) {
    const child = readTlv(der, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export function encode(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  const length = body.length;
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), body]);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Buffer.concat([Buffer.from([tag, 0x80 | octets.length, ...octets]), body]);
}

export function objectIdentifier(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) groups.unshift((value & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return encode(DerTag.ObjectIdentifier, Buffer.from(bytes));
}

export function pemOf(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
