/**
 * PEM armour (RFC 7468) read strictly: what stations send is attacker-controlled text, so a body
 * that is not clean base64 is refused rather than "repaired" by a lenient decoder.
 */

const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

/** One PEM block: its label (e.g. `CERTIFICATE REQUEST`) and the DER bytes it armours. */
export interface PemBlock {
  readonly label: string;
  readonly der: Buffer;
}

/**
 * The PEM blocks of `text`, in order. Text between blocks is ignored (OpenSSL writes comments
 * there); a block whose body is not base64 makes the whole text unreadable (undefined).
 */
export function pemBlocks(text: string): PemBlock[] | undefined {
  const blocks: PemBlock[] = [];
  const pattern = /-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END ([A-Z0-9 ]+)-----/g;
  for (const match of text.matchAll(pattern)) {
    const [, label = '', rawBody = '', endLabel] = match;
    if (label !== endLabel) return undefined;
    const body = rawBody.replace(/\s+/g, '');
    if (body.length === 0 || body.length % 4 !== 0 || !BASE64_BODY.test(body)) return undefined;
    blocks.push({ label, der: Buffer.from(body, 'base64') });
  }
  return blocks;
}

/** `der` armoured under `label`, 64 characters a line as RFC 7468 writes it. */
export function toPem(label: string, der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${body.join('\n')}\n-----END ${label}-----\n`;
}
