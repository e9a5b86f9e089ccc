import { childrenOf, contentOf, readOid, readTlv } from '../x509/der-reader';

/** PKCS#9 extensionRequest, and Microsoft's older twin that some embedded stacks still emit. */
const EXTENSION_REQUEST_OIDS = new Set(['1.2.840.113549.1.9.14', '1.3.6.1.4.1.311.2.1.14']);
const BASIC_CONSTRAINTS = '2.5.29.19';

/** What a CSR asked for in extensions: all of it is ignored, but a CA request is refused. */
export interface RequestedExtensions {
  readonly oids: string[];
  readonly caRequested: boolean;
}

/**
 * The extensions requested in a CSR's [0] attributes (DER). Nothing requested is ever copied into
 * what we issue (the CA decides the profile); they are read only to record them and to refuse a
 * station asking to be a CA, which is an attack or broken firmware either way. Throws DerError on a
 * malformed extensionRequest (the caller reports the CSR as unparsable).
 */
export function requestedExtensions(attributes: Buffer | undefined): RequestedExtensions {
  const oids: string[] = [];
  let caRequested = false;
  if (!attributes) return { oids, caRequested };
  for (const attribute of childrenOf(attributes, readTlv(attributes, 0))) {
    const [type, values] = childrenOf(attributes, attribute);
    if (!type || !values || !EXTENSION_REQUEST_OIDS.has(readOid(attributes, type))) continue;
    for (const extensions of childrenOf(attributes, values)) {
      for (const extension of childrenOf(attributes, extensions)) {
        const fields = childrenOf(attributes, extension);
        const [id] = fields;
        const value = fields[fields.length - 1];
        if (!id || !value || value.tag !== 0x04) continue;
        const oid = readOid(attributes, id);
        oids.push(oid);
        if (oid === BASIC_CONSTRAINTS) caRequested ||= requestsCa(contentOf(attributes, value));
      }
    }
  }
  return { oids, caRequested };
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }. */
function requestsCa(value: Buffer): boolean {
  const [first] = childrenOf(value, readTlv(value, 0));
  return first?.tag === 0x01 && contentOf(value, first).some((octet) => octet !== 0);
}
