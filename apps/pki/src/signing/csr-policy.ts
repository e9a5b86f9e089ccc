import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { pemBlocks } from '../x509/pem';
import { signatureAlgorithmByOid, type SignatureAlgorithm } from '../x509/signature-algorithms';
import { OID_COMMON_NAME, OID_ORGANIZATION, attributeValues } from '../x509/distinguished-name';
import { type CsrRefusal, CsrRefusalCode, refusal } from './csr-refusal';
import { type AcceptedPublicKey, checkPublicKey, isRefusal } from './public-key-policy';
import { type CsrStructure, readCsrStructure } from './csr-structure';
import { requestedExtensions, type RequestedExtensions } from './requested-extensions';

/** OCPP sizes SignCertificateRequest.csr at 5,500 characters (1.6 security extension and 2.0.1). */
export const MAX_CSR_CHARACTERS = 5500;

/** What a station's CSR must match: its registered serial number and the operator organisation. */
export interface CsrExpectations {
  /** The serial number registered for the station (not its OCPP id): the CN OCPP prescribes. */
  readonly stationSerialNumber: string;
  /** The operator organisation configured for the CSMS: the O OCPP prescribes. */
  readonly organization: string;
}

/** A CSR that passed the policy: everything issuance needs, nothing it must not use. */
export interface AcceptedCsr {
  readonly commonName: string;
  readonly organization: string;
  readonly publicKey: AcceptedPublicKey;
  /** The station's SubjectPublicKeyInfo, DER, exactly as in the CSR (node has parsed it as a key). */
  readonly subjectPublicKeyInfo: Buffer;
  /** SHA-256 of the CSR's DER: stations resend the same CSR after a timeout, this recognises it. */
  readonly fingerprint: string;
  /** OIDs of extensions the station asked for; none is copied into the certificate. */
  readonly ignoredExtensions: readonly string[];
}

export type CsrDecision = { readonly outcome: 'accepted'; readonly csr: AcceptedCsr } | { readonly outcome: 'refused'; readonly refusal: CsrRefusal };

export interface ParsedCsr {
  readonly der: Buffer;
  readonly structure: CsrStructure;
  readonly key: KeyObject;
  readonly algorithm: SignatureAlgorithm | undefined;
  readonly extensions: RequestedExtensions;
}

/**
 * Decides whether a station's PEM CSR may be signed, as the OCPP certificate properties state:
 * size, PKCS#10 structure, key strength, self-signature, no CA request, CN and O. The first rule
 * that fails is the refusal; the order puts cheap structural checks before cryptography and the
 * station-specific subject last, so the reason names the most basic fault.
 */
export function decideCsr(pem: string, expected: CsrExpectations): CsrDecision {
  const refused = (r: CsrRefusal): CsrDecision => ({ outcome: 'refused', refusal: r });
  if (pem.length > MAX_CSR_CHARACTERS) return refused(refusal(CsrRefusalCode.tooLarge, `CSR of ${pem.length} characters; at most ${MAX_CSR_CHARACTERS} are accepted`));
  const parsed = parseCsr(pem);
  if ('code' in parsed) return refused(parsed);
  const key = checkPublicKey(parsed.key);
  if (isRefusal(key)) return refused(key);
  const signature = checkSelfSignature(parsed);
  if (signature) return refused(signature);
  if (parsed.extensions.caRequested) return refused(refusal(CsrRefusalCode.caRequested, 'the CSR requests basicConstraints cA=true; station certificates are never CAs'));
  const subject = checkSubject(parsed.structure.subject, expected);
  if ('code' in subject) return refused(subject);
  return {
    outcome: 'accepted',
    csr: {
      ...subject,
      publicKey: key,
      subjectPublicKeyInfo: parsed.structure.subjectPublicKeyInfo,
      fingerprint: createHash('sha256').update(parsed.der).digest('hex'),
      ignoredExtensions: parsed.extensions.oids,
    },
  };
}

export function parseCsr(pem: string): ParsedCsr | CsrRefusal {
  const blocks = pemBlocks(pem);
  const labels = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
  if (!blocks || blocks.length !== 1 || !labels.has(blocks[0]?.label ?? '')) {
    return refusal(CsrRefusalCode.unparsable, 'expected exactly one PEM block labelled CERTIFICATE REQUEST');
  }
  const der = (blocks[0] as { der: Buffer }).der;
  try {
    const structure = readCsrStructure(der);
    return {
      der,
      structure,
      key: createPublicKey({ key: structure.subjectPublicKeyInfo, format: 'der', type: 'spki' }),
      algorithm: signatureAlgorithmByOid(structure.signatureAlgorithmOid),
      extensions: requestedExtensions(structure.attributes),
    };
  } catch (error) {
    // The DER is the station's; the reader's message says what was malformed and carries no secret.
    return refusal(CsrRefusalCode.unparsable, `not a PKCS#10 certification request: ${(error as Error).message}`);
  }
}

export function checkSelfSignature(parsed: ParsedCsr): CsrRefusal | undefined {
  const { algorithm, structure } = parsed;
  if (!algorithm) {
    return refusal(CsrRefusalCode.unsupportedSignatureAlgorithm, `signature algorithm ${structure.signatureAlgorithmOid}; SHA-256/384/512 with RSA or ECDSA are accepted`);
  }
  if (algorithm.keyType !== parsed.key.asymmetricKeyType) {
    return refusal(CsrRefusalCode.badSignature, `${algorithm.name} signature over a ${parsed.key.asymmetricKeyType} key`);
  }
  let valid = false;
  try {
    valid = verify(algorithm.digest, structure.info, parsed.key, structure.signature);
  } catch {
    // A signature that is not even well-formed (e.g. broken ECDSA DER) is a failed verification.
    valid = false;
  }
  return valid ? undefined : refusal(CsrRefusalCode.badSignature, `the ${algorithm.name} self-signature does not verify with the CSR's public key`);
}

function checkSubject(subject: Buffer, expected: CsrExpectations): Pick<AcceptedCsr, 'commonName' | 'organization'> | CsrRefusal {
  const names = attributeValues(subject, OID_COMMON_NAME);
  if (names.length !== 1 || names[0] !== expected.stationSerialNumber) {
    return refusal(CsrRefusalCode.wrongCommonName, `subject CN ${describe(names)}; expected the station's serial number "${expected.stationSerialNumber}"`);
  }
  const organizations = attributeValues(subject, OID_ORGANIZATION);
  if (organizations.length !== 1 || organizations[0] !== expected.organization) {
    return refusal(CsrRefusalCode.wrongOrganization, `subject O ${describe(organizations)}; expected "${expected.organization}"`);
  }
  return { commonName: names[0], organization: organizations[0] };
}

/** Values quoted for a message, JSON-escaped so a hostile subject cannot forge log lines. */
function describe(values: string[]): string {
  if (values.length === 0) return 'missing';
  return values.map((value) => JSON.stringify(value)).join(', ');
}
