import { AsnConvert } from '@peculiar/asn1-schema';
import { type Attribute, BasicConstraints, Extensions, id_ce_basicConstraints } from '@peculiar/asn1-x509';

/** PKCS#9 extensionRequest, and Microsoft's older twin that some embedded stacks still emit. */
const EXTENSION_REQUEST_OIDS = new Set(['1.2.840.113549.1.9.14', '1.3.6.1.4.1.311.2.1.14']);

/** What a CSR asked for in extensions: all of it is ignored, but a CA request is refused. */
export interface RequestedExtensions {
  readonly oids: string[];
  readonly caRequested: boolean;
}

/**
 * The extensions requested in a CSR's attributes. Nothing requested is ever copied into what we
 * issue (the CA decides the profile); they are read only to record them and to refuse a station
 * asking to be a CA, which would be an attack or a broken firmware either way. Throws on a
 * malformed extensionRequest (the caller reports the CSR as unparsable).
 */
export function requestedExtensions(attributes: readonly Attribute[]): RequestedExtensions {
  const oids: string[] = [];
  let caRequested = false;
  for (const attribute of attributes) {
    if (!EXTENSION_REQUEST_OIDS.has(attribute.type)) continue;
    for (const value of attribute.values) {
      for (const extension of AsnConvert.parse(value, Extensions)) {
        oids.push(extension.extnID);
        if (extension.extnID === id_ce_basicConstraints) {
          caRequested ||= AsnConvert.parse(extension.extnValue, BasicConstraints).cA;
        }
      }
    }
  }
  return { oids, caRequested };
}
