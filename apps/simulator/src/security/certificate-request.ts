import { type KeyObject, generateKeyPairSync, sign } from 'node:crypto';
import { DerTag, encode, objectIdentifier, pemOf } from './der';

const OID_ORGANIZATION = '2.5.4.10';
const OID_COMMON_NAME = '2.5.4.3';
const OID_ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

export interface CertificateRequest {
  /** PEM PKCS#10, as SignCertificate carries it. */
  readonly csrPem: string;
  /** PEM PKCS#8 private key, for the TLS client certificate once signed. */
  readonly keyPem: string;
}

function distinguishedName(commonName: string, organization: string): Buffer {
  const attribute = (oid: string, value: string): Buffer =>
    encode(DerTag.Set, encode(DerTag.Sequence, objectIdentifier(oid), encode(DerTag.Utf8String, Buffer.from(value, 'utf8'))));
  return encode(DerTag.Sequence, attribute(OID_ORGANIZATION, organization), attribute(OID_COMMON_NAME, commonName));
}

function signedRequest(info: Buffer, privateKey: KeyObject): Buffer {
  const algorithm = encode(DerTag.Sequence, objectIdentifier(OID_ECDSA_WITH_SHA256));
  const signature = encode(DerTag.BitString, Buffer.from([0]), sign('sha256', info, privateKey));
  return encode(DerTag.Sequence, info, algorithm, signature);
}

/**
 * A fresh EC P-256 key and a PKCS#10 request for it with the subject OCPP asks of a station
 * certificate: CN = the station's serial number, O = the operator's organisation.
 */
export function createCertificateRequest(commonName: string, organization: string): CertificateRequest {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const version = encode(DerTag.Integer, Buffer.from([0]));
  const noAttributes = encode(DerTag.ContextConstructed0);
  const info = encode(DerTag.Sequence, version, distinguishedName(commonName, organization), spki, noAttributes);
  return {
    csrPem: pemOf('CERTIFICATE REQUEST', signedRequest(info, privateKey)),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
