import type { Ocpp201 } from '@app/ocpp';

type OCSPRequestDataType = Ocpp201.OCSPRequestDataType;

/** Why the station's OCSPRequestData cannot be turned into a request. */
export class OcspRequestDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcspRequestDataError';
  }
}

/** AlgorithmIdentifier DER (with NULL parameters) of the hash algorithms OCPP's HashAlgorithmEnumType names. */
const HASH_ALGORITHMS: Record<OCSPRequestDataType['hashAlgorithm'], { oid: Buffer; octets: number }> = {
  SHA256: { oid: Buffer.from('608648016503040201', 'hex'), octets: 32 },
  SHA384: { oid: Buffer.from('608648016503040202', 'hex'), octets: 48 },
  SHA512: { oid: Buffer.from('608648016503040203', 'hex'), octets: 64 },
};

/**
 * The DER OCSPRequest (RFC 6960 §4.1.1) for one CertID, built from what the station sent: the
 * station computed the hashes from the contract certificate chain, so they go through unchanged.
 * No nonce: the response goes back to the station, which checks it against its own request data.
 */
export function ocspRequestDer(data: OCSPRequestDataType): Buffer {
  const algorithm = HASH_ALGORITHMS[data.hashAlgorithm];
  if (!algorithm) throw new OcspRequestDataError(`hashAlgorithm ${String(data.hashAlgorithm)} is not SHA256, SHA384 or SHA512`);
  const nameHash = hexOctets(data.issuerNameHash, 'issuerNameHash');
  const keyHash = hexOctets(data.issuerKeyHash, 'issuerKeyHash');
  for (const [name, hash] of [['issuerNameHash', nameHash], ['issuerKeyHash', keyHash]] as const) {
    if (hash.length !== algorithm.octets) throw new OcspRequestDataError(`${name} is ${hash.length} octets; a ${data.hashAlgorithm} hash is ${algorithm.octets}`);
  }
  const certId = sequence(
    sequence(tlv(0x06, algorithm.oid), Buffer.from([0x05, 0x00])),
    tlv(0x04, nameHash),
    tlv(0x04, keyHash),
    tlv(0x02, serialInteger(data.serialNumber)),
  );
  return sequence(sequence(sequence(sequence(certId))));
}

/** OCSPResponseStatus names (RFC 6960 §4.2.1); 4 is not used. */
const RESPONSE_STATUSES = ['successful', 'malformedRequest', 'internalError', 'tryLater', undefined, 'sigRequired', 'unauthorized'];

/** The responseStatus of a DER OCSPResponse, or undefined when the octets are not one. */
export function ocspResponseStatus(der: Buffer): string | undefined {
  // OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT OPTIONAL }
  if (der.length < 5 || der[0] !== 0x30) return undefined;
  const lengthOctets = (der[1] ?? 0) & 0x80 ? ((der[1] ?? 0) & 0x7f) + 1 : 1;
  const at = 1 + lengthOctets;
  if (der[at] !== 0x0a || der[at + 1] !== 0x01) return undefined;
  return RESPONSE_STATUSES[der[at + 2] ?? 255];
}

function hexOctets(value: string, name: string): Buffer {
  if (!/^([0-9a-fA-F]{2})+$/.test(value)) throw new OcspRequestDataError(`${name} is not hexadecimal octets`);
  return Buffer.from(value, 'hex');
}

/** The serial as a positive DER INTEGER: leading zeroes dropped, one put back when the high bit is set. */
function serialInteger(value: string): Buffer {
  if (!/^[0-9a-fA-F]+$/.test(value)) throw new OcspRequestDataError('serialNumber is not hexadecimal');
  const digits = value.replace(/^0+/, '') || '0';
  const octets = Buffer.from(digits.length % 2 === 0 ? digits : `0${digits}`, 'hex');
  return (octets[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), octets]) : octets;
}

function sequence(...children: Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(children));
}

function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), content]);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Buffer.concat([Buffer.from([tag, 0x80 | octets.length, ...octets]), content]);
}
