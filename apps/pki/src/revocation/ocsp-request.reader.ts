import { DerError, type Tlv, childrenOf, contentOf, encodingOf, readOid, readTlv } from '../x509/der-reader';
import { serialNumberHex } from '../inventory/certificate-hash-data';

/** The CertID hash algorithms we match (RFC 6960 clients send SHA-1 by default, RFC 5019 allows SHA-256). */
export type CertIdHash = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const CERT_ID_HASHES: Readonly<Record<string, CertIdHash>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export const OID_OCSP_NONCE = '1.3.6.1.5.5.7.48.1.2';

/** One certificate asked about: its CertID as sent (echoed back byte for byte) and its fields. */
export interface RequestedCertId {
  readonly encoding: Buffer;
  /** Undefined for a hash algorithm we do not match: such a CertID is answered unknown. */
  readonly hashAlgorithm: CertIdHash | undefined;
  readonly issuerNameHash: Buffer;
  readonly issuerKeyHash: Buffer;
  /** Lower-case hex without leading zeroes, the form certificateHashData and the revocation table use. */
  readonly serialNumber: string;
}

export interface OcspRequest {
  readonly certIds: readonly RequestedCertId[];
  /** The nonce extension as sent, whole (RFC 6960 §4.4.1: echoed in the response). */
  readonly nonceExtension?: Buffer;
}

/** A request we cannot answer: the responder says malformedRequest. */
export class OcspRequestError extends Error {
  constructor(reason: string) {
    super(`malformed OCSP request: ${reason}`);
    this.name = 'OcspRequestError';
  }
}

/** More CertIDs than any relying party needs in one request; bounds the work one request can cause. */
export const MAX_CERT_IDS = 32;
/** RFC 8954 §2.1: a nonce is 1 to 32 octets. */
const MAX_NONCE_OCTETS = 32;

/** Reads a DER OCSPRequest (RFC 6960 §4.1.1). A signature on the request is not required and not checked. */
export function readOcspRequest(der: Uint8Array): OcspRequest {
  try {
    const outer = readTlv(der, 0);
    if (outer.tag !== 0x30 || outer.end !== der.length) throw new OcspRequestError('not one DER SEQUENCE');
    const [tbs] = childrenOf(der, outer);
    if (tbs?.tag !== 0x30) throw new OcspRequestError('no TBSRequest');
    const fields = childrenOf(der, tbs).filter((field) => field.tag !== 0xa0 && field.tag !== 0xa1);
    const [requestList, extensions] = fields;
    if (requestList?.tag !== 0x30) throw new OcspRequestError('no requestList');
    if (extensions !== undefined && extensions.tag !== 0xa2) throw new OcspRequestError('unexpected field after requestList');
    const requests = childrenOf(der, requestList);
    if (requests.length === 0) throw new OcspRequestError('an empty requestList');
    if (requests.length > MAX_CERT_IDS) throw new OcspRequestError(`${requests.length} CertIDs; at most ${MAX_CERT_IDS} are answered per request`);
    return { certIds: requests.map((request) => certIdOf(der, request)), nonceExtension: extensions && nonceOf(der, extensions) };
  } catch (error) {
    if (error instanceof DerError) throw new OcspRequestError(error.message);
    throw error;
  }
}

/**
 * The DER request of an HTTP GET (RFC 6960 Appendix A.1): the path segment after the responder's
 * URL is the URL-encoded base64 of the DER. Strict base64, so nothing is guessed from a mangled URL.
 */
export function ocspRequestOfGetPath(segment: string): Buffer {
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    throw new OcspRequestError('the GET path is not valid URL encoding');
  }
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new OcspRequestError('the GET path is not base64 of a DER OCSPRequest');
  return Buffer.from(text, 'base64');
}

function certIdOf(der: Uint8Array, request: Tlv): RequestedCertId {
  const [certId] = childrenOf(der, request);
  if (request.tag !== 0x30 || certId?.tag !== 0x30) throw new OcspRequestError('a Request without CertID');
  const [algorithm, nameHash, keyHash, serial] = childrenOf(der, certId);
  if (algorithm?.tag !== 0x30 || nameHash?.tag !== 0x04 || keyHash?.tag !== 0x04 || serial?.tag !== 0x02) throw new OcspRequestError('a CertID without its four fields');
  const [algorithmOid] = childrenOf(der, algorithm);
  if (algorithmOid === undefined) throw new OcspRequestError('a CertID hash algorithm without OID');
  const serialContent = contentOf(der, serial);
  if (serialContent.length === 0 || (serialContent[0] as number) & 0x80) throw new OcspRequestError('a serial number that is not a positive INTEGER');
  return {
    encoding: Buffer.from(encodingOf(der, certId)),
    hashAlgorithm: CERT_ID_HASHES[readOid(der, algorithmOid)],
    issuerNameHash: Buffer.from(contentOf(der, nameHash)),
    issuerKeyHash: Buffer.from(contentOf(der, keyHash)),
    serialNumber: serialNumberHex(serialContent),
  };
}

/** The nonce extension among the request extensions ([2] EXPLICIT Extensions), if any. */
function nonceOf(der: Uint8Array, wrapper: Tlv): Buffer | undefined {
  const [extensions] = childrenOf(der, wrapper);
  if (extensions?.tag !== 0x30) throw new OcspRequestError('requestExtensions is not a SEQUENCE');
  for (const extension of childrenOf(der, extensions)) {
    const parts = childrenOf(der, extension);
    const [id] = parts;
    const value = parts[parts.length - 1];
    if (extension.tag !== 0x30 || id === undefined || value?.tag !== 0x04) throw new OcspRequestError('an Extension without OID and value');
    if (readOid(der, id) !== OID_OCSP_NONCE) continue;
    const octets = nonceLength(der, value);
    if (octets < 1 || octets > MAX_NONCE_OCTETS) throw new OcspRequestError(`a nonce of ${octets} octets; RFC 8954 allows 1 to ${MAX_NONCE_OCTETS}`);
    return Buffer.from(encodingOf(der, extension));
  }
  return undefined;
}

/** RFC 8954 writes the nonce as an OCTET STRING inside the extension value; some clients put raw octets there. */
function nonceLength(der: Uint8Array, value: Tlv): number {
  try {
    const inner = readTlv(der, value.contentStart, value.end);
    if (inner.tag === 0x04 && inner.end === value.end) return inner.end - inner.contentStart;
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
  }
  return value.end - value.contentStart;
}
