import { DerError, childrenOf, readOid, readString, readTlv } from './der-reader';
import { oid, printableString, sequence, set, utf8String } from './der-writer';

export const OID_COMMON_NAME = '2.5.4.3';
export const OID_ORGANIZATION = '2.5.4.10';
export const OID_COUNTRY = '2.5.4.6';

/** The parts of a subject the PKI writes: OCPP identifies stations by CN and O only. */
export interface SubjectFields {
  readonly commonName: string;
  readonly organization?: string;
  /** ISO 3166 alpha-2, written as PrintableString as RFC 5280 requires. */
  readonly country?: string;
}

/** An X.509 Name (DER) with one attribute per RDN, in the conventional C, O, CN order. */
export function distinguishedName(fields: SubjectFields): Buffer {
  const rdn = (type: string, value: Buffer) => set(sequence(oid(type), value));
  const rdns: Buffer[] = [];
  if (fields.country !== undefined) rdns.push(rdn(OID_COUNTRY, printableString(fields.country)));
  if (fields.organization !== undefined) rdns.push(rdn(OID_ORGANIZATION, utf8String(fields.organization)));
  rdns.push(rdn(OID_COMMON_NAME, utf8String(fields.commonName)));
  return sequence(...rdns);
}

/**
 * Every value of attribute `type` in the DER Name `name`, as text (a subject may repeat an
 * attribute). A value that is not a directory string counts, as "(non-string)", so it can never
 * match an expected name. Throws DerError for a malformed Name.
 */
export function attributeValues(name: Uint8Array, type: string): string[] {
  const sequenceTlv = readTlv(name, 0);
  if (sequenceTlv.tag !== 0x30) throw new DerError('a Name is a SEQUENCE');
  const values: string[] = [];
  for (const rdn of childrenOf(name, sequenceTlv)) {
    if (rdn.tag !== 0x31) throw new DerError('a relative distinguished name is a SET');
    for (const attribute of childrenOf(name, rdn)) {
      const [attributeType, value] = childrenOf(name, attribute);
      if (attribute.tag !== 0x30 || !attributeType || !value) throw new DerError('an attribute is a SEQUENCE of type and value');
      if (readOid(name, attributeType) === type) values.push(readString(name, value) ?? '(non-string)');
    }
  }
  return values;
}
