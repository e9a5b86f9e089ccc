import { type KeyObject, generateKeyPairSync, sign } from 'node:crypto';

export type ServerKeyType = 'rsa' | 'ec';

/** A fresh private key and a PKCS#10 request for it: the key never leaves the gateway. */
export interface ServerKeyAndCsr {
  readonly keyType: ServerKeyType;
  /** PEM PKCS#8: a secret, written only to the owner-only key file. */
  readonly keyPem: string;
  readonly csrPem: string;
}

/** DER tag-length-value, definite length (everything here is far below 2^24 octets). */
function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const length = body.length;
  const header = length < 0x80 ? [length] : length < 0x100 ? [0x81, length] : length < 0x10000 ? [0x82, length >> 8, length & 0xff] : [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  return Buffer.concat([Buffer.from([tag, ...header]), body]);
}

function objectIdentifier(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const octets = [first * 40 + second];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) base128.unshift((value & 0x7f) | 0x80);
    octets.push(...base128);
  }
  return tlv(0x06, Buffer.from(octets));
}

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const OID_COMMON_NAME = '2.5.4.3';

/**
 * A new key of `keyType` (RSA 2048 or EC P-256) and its CSR, subject CN = `commonName`. The names
 * for subjectAltName travel beside the CSR (the PKI writes only names it checked); the CSR is the
 * proof that whoever asks holds the key.
 */
export function createServerKeyAndCsr(keyType: ServerKeyType, commonName: string): ServerKeyAndCsr {
  const { publicKey, privateKey } = keyType === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const subject = tlv(0x30, tlv(0x31, tlv(0x30, objectIdentifier(OID_COMMON_NAME), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const info = tlv(0x30, tlv(0x02, Buffer.from([0])), subject, spki, tlv(0xa0));
  return { keyType, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), csrPem: pemOf(signed(info, keyType, privateKey)) };
}

function signed(info: Buffer, keyType: ServerKeyType, privateKey: KeyObject): Buffer {
  // RSA's AlgorithmIdentifier carries NULL parameters (RFC 4055); ECDSA's none (RFC 5758).
  const algorithm = keyType === 'rsa' ? tlv(0x30, objectIdentifier(SHA256_WITH_RSA), tlv(0x05)) : tlv(0x30, objectIdentifier(ECDSA_WITH_SHA256));
  return tlv(0x30, info, algorithm, tlv(0x03, Buffer.from([0]), sign('sha256', info, privateKey)));
}

function pemOf(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE REQUEST-----\n${lines.join('\n')}\n-----END CERTIFICATE REQUEST-----\n`;
}
