import { booleanTrue, implicitPrimitive, octetString, oid, sequence } from '../x509/der-writer';
import { KeyUsageBit, keyIdentifierOf, keyUsageValue } from '../authorities/certificate-profiles';
import type { ServerName } from './server-csr-policy';

const OID = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extendedKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

const extension = (id: string, critical: boolean, value: Buffer): Buffer =>
  critical ? sequence(oid(id), booleanTrue(), octetString(value)) : sequence(oid(id), octetString(value));

/** GeneralName: dNSName [2] IA5String, iPAddress [7] OCTET STRING (4 octets for IPv4). */
function generalName(name: ServerName): Buffer {
  if (name.type === 'dns') return implicitPrimitive(2, Buffer.from(name.value, 'latin1'));
  return implicitPrimitive(7, Buffer.from(name.value.split('.').map(Number)));
}

/**
 * The gateway's TLS server certificate extensions. Unlike station certificates (ADR 020: no EKU),
 * it carries ExtendedKeyUsage serverAuth: the same station sub-CA issues the stations' client
 * certificates, and the gateway accepts client certificates chaining to it; serverAuth alone makes
 * OpenSSL's client-purpose check refuse this certificate as a station identity, and tells a station
 * stack that checks purposes what it is. keyUsage: digitalSignature (ECDHE signatures) plus
 * keyEncipherment for RSA (TLS 1.2 RSA key transport some stacks still use); subjectAltName holds
 * the host names/IPs the allow-list admitted (TLS clients match those, not the CN).
 */
export function serverExtensions(options: {
  subjectPublicKeyInfo: Buffer;
  keyType: 'rsa' | 'ec';
  names: readonly ServerName[];
  issuerKeyIdentifier: Buffer;
  issuerExtensions: readonly Buffer[];
}): Buffer[] {
  const usage = options.keyType === 'rsa' ? [KeyUsageBit.digitalSignature, KeyUsageBit.keyEncipherment] : [KeyUsageBit.digitalSignature];
  return [
    extension(OID.basicConstraints, true, sequence()),
    extension(OID.keyUsage, true, keyUsageValue(usage)),
    extension(OID.extendedKeyUsage, false, sequence(oid(OID.serverAuth))),
    extension(OID.subjectAltName, false, sequence(...options.names.map(generalName))),
    extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifierOf(options.subjectPublicKeyInfo))),
    extension(OID.authorityKeyIdentifier, false, sequence(implicitPrimitive(0, options.issuerKeyIdentifier))),
    ...options.issuerExtensions,
  ];
}
