import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';

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

/** An X.509 Name with one attribute per RDN, in the conventional C, O, CN order. */
export function distinguishedName(fields: SubjectFields): Name {
  const rdn = (type: string, value: AttributeValue) => new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value })]);
  const rdns: RelativeDistinguishedName[] = [];
  if (fields.country !== undefined) rdns.push(rdn(OID_COUNTRY, new AttributeValue({ printableString: fields.country })));
  if (fields.organization !== undefined) rdns.push(rdn(OID_ORGANIZATION, new AttributeValue({ utf8String: fields.organization })));
  rdns.push(rdn(OID_COMMON_NAME, new AttributeValue({ utf8String: fields.commonName })));
  return new Name(rdns);
}

/** Every value of attribute `oid` in `name`, as text (a subject may repeat an attribute). */
export function attributeValues(name: Name, oid: string): string[] {
  return name.flatMap((rdn) => rdn.filter((attribute) => attribute.type === oid).map((attribute) => attribute.value.toString()));
}
