/** OCPP sizes SignCertificateRequest.csr at 5,500 characters (1.6 security extension and 2.0.1). */
export const MAX_CSR_CHARACTERS = 5500;

export type CsrShape = { ok: true } | { ok: false; reason: string };

const PEM_BLOCK = /^\s*-----BEGIN (NEW )?CERTIFICATE REQUEST-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END (NEW )?CERTIFICATE REQUEST-----\s*$/;

/**
 * Whether a SignCertificate csr is worth handing to the PKI: one PEM CERTIFICATE REQUEST whose
 * DER is a PKCS#10 shell (SEQUENCE { SEQUENCE info, SEQUENCE algorithm, BIT STRING signature }),
 * within OCPP's size. The gateway answers at once from this; the PKI's policy decides the rest
 * (signature, key, subject), which needs the station's registered serial number and the CAs.
 */
export function csrShapeOf(csr: string): CsrShape {
  if (csr.length > MAX_CSR_CHARACTERS) return { ok: false, reason: `CSR of ${csr.length} characters; at most ${MAX_CSR_CHARACTERS} are accepted` };
  const match = PEM_BLOCK.exec(csr);
  const body = match?.[2]?.replace(/\s+/g, '') ?? '';
  if (!match || body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(body)) {
    return { ok: false, reason: 'not one PEM block labelled CERTIFICATE REQUEST' };
  }
  return isPkcs10Shell(Buffer.from(body, 'base64')) ? { ok: true } : { ok: false, reason: 'the PEM block does not hold a PKCS#10 certification request' };
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

/** One DER TLV at `offset` within `limit`, or undefined when the length does not fit. */
function tlvAt(der: Buffer, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = der[offset] as number;
  let length = der[offset + 1] as number;
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 3 || start + octets > limit) return undefined;
    length = 0;
    for (let index = 0; index < octets; index += 1) length = length * 256 + (der[start + index] as number);
    start += octets;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

function isPkcs10Shell(der: Buffer): boolean {
  const outer = tlvAt(der, 0, der.length);
  if (!outer || outer.tag !== 0x30 || outer.end !== der.length) return false;
  const expected = [0x30, 0x30, 0x03];
  let offset = outer.start;
  for (const tag of expected) {
    const child = tlvAt(der, offset, outer.end);
    if (!child || child.tag !== tag) return false;
    offset = child.end;
  }
  return offset === outer.end;
}
