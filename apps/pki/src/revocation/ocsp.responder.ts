import { bitString, enumerated, explicit, generalizedTime, octetString, oid, sequence } from '../x509/der-writer';
import { algorithmIdentifierOf } from '../x509/signature-algorithms';
import type { CertificateStatus, CertificateStatusSource, IssuingAuthority } from './certificate-status';
import { OcspRequestError, type RequestedCertId, readOcspRequest } from './ocsp-request.reader';
import { reasonCodeOf } from './revocation-reason';

/** RFC 6960 §4.2.1 OCSPResponseStatus values we answer with. */
export const OcspResponseStatus = { successful: 0, malformedRequest: 1, internalError: 2, unauthorized: 6 } as const;
export type OcspOutcome = keyof typeof OcspResponseStatus;

const OID_BASIC_RESPONSE = '1.3.6.1.5.5.7.48.1.1';

export interface OcspAnswer {
  readonly outcome: OcspOutcome;
  /** DER OCSPResponse, whatever the outcome: error statuses are answers too (RFC 6960 §2.3). */
  readonly response: Buffer;
  /** Why a request was not answered successfully, for the log. */
  readonly reason?: string;
}

export interface OcspResponderOptions {
  /** How long an answer may be relied on (nextUpdate − thisUpdate); a relying party asks again after. */
  readonly validityMs: number;
}

/** An unsuccessful OCSPResponse: the status alone, no responseBytes (RFC 6960 §4.2.1). */
export function ocspErrorResponse(outcome: Exclude<OcspOutcome, 'successful'>): Buffer {
  return sequence(enumerated(OcspResponseStatus[outcome]));
}

/**
 * The OCSP responder (RFC 6960) for the certificates our CAs issue. Each response is signed by the
 * CA that issued the certificates asked about (the responder ID is that CA's key hash), so relying
 * parties need no delegated responder certificate (docs/adr/022-pki-revocation.md).
 */
export class OcspResponder {
  constructor(
    private readonly source: CertificateStatusSource,
    private readonly options: OcspResponderOptions,
  ) {}

  async answer(der: Uint8Array, now: Date = new Date()): Promise<OcspAnswer> {
    let request;
    try {
      request = readOcspRequest(der);
    } catch (error) {
      if (!(error instanceof OcspRequestError)) throw error;
      return { outcome: 'malformedRequest', response: ocspErrorResponse('malformedRequest'), reason: error.message };
    }
    const issuers = await Promise.all(request.certIds.map((certId) => this.issuerOf(certId)));
    // One response carries one signature: the CA of the first CertID we serve signs it, and CertIDs
    // naming any other issuer are answered unknown (RFC 6960 §2.2: "an unrecognized issuer").
    const signer = issuers.find((issuer) => issuer !== undefined);
    if (signer === undefined) return { outcome: 'unauthorized', response: ocspErrorResponse('unauthorized'), reason: 'no CertID names a CA of ours' };
    const statuses = await Promise.all(
      request.certIds.map((certId, index): Promise<CertificateStatus> => (issuers[index] === signer ? this.source.statusOf(signer, certId.serialNumber) : Promise.resolve({ status: 'unknown' }))),
    );
    const thisUpdate = now;
    const nextUpdate = new Date(now.getTime() + this.options.validityMs);
    const responses = request.certIds.map((certId, index) => singleResponse(certId, statuses[index] as CertificateStatus, thisUpdate, nextUpdate));
    const basic = await basicResponse(signer, responses, now, request.nonceExtension);
    return { outcome: 'successful', response: sequence(enumerated(OcspResponseStatus.successful), explicit(0, sequence(oid(OID_BASIC_RESPONSE), octetString(basic)))) };
  }

  private issuerOf(certId: RequestedCertId): Promise<IssuingAuthority | undefined> {
    if (certId.hashAlgorithm === undefined) return Promise.resolve(undefined);
    return this.source.issuerOf(certId.hashAlgorithm, certId.issuerNameHash, certId.issuerKeyHash);
  }
}

const GOOD = Buffer.from([0x80, 0x00]); // [0] IMPLICIT NULL
const UNKNOWN = Buffer.from([0x82, 0x00]); // [2] IMPLICIT NULL

function certStatus(status: CertificateStatus): Buffer {
  if (status.status === 'good') return GOOD;
  if (status.status === 'unknown') return UNKNOWN;
  // revoked [1] IMPLICIT RevokedInfo { revocationTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }
  // The reason is left out when unspecified, as in the CRL (RFC 5280 §5.3.1).
  const reason = status.reason === 'unspecified' ? [] : [explicit(0, enumerated(reasonCodeOf(status.reason)))];
  const info = sequence(generalizedTime(status.revokedAt), ...reason);
  info[0] = 0xa1;
  return info;
}

function singleResponse(certId: RequestedCertId, status: CertificateStatus, thisUpdate: Date, nextUpdate: Date): Buffer {
  return sequence(certId.encoding, certStatus(status), generalizedTime(thisUpdate), explicit(0, generalizedTime(nextUpdate)));
}

async function basicResponse(issuer: IssuingAuthority, responses: Buffer[], producedAt: Date, nonceExtension: Buffer | undefined): Promise<Buffer> {
  const { authority } = issuer;
  // ResponderID byKey [2]: the SHA-1 of the responder's subjectPublicKey, i.e. the CA's key identifier.
  const responderId = explicit(2, octetString(authority.keyIdentifier));
  const tbs = sequence(responderId, generalizedTime(producedAt), sequence(...responses), ...(nonceExtension ? [explicit(1, sequence(nonceExtension))] : []));
  const algorithm = algorithmIdentifierOf(authority.signer.algorithm);
  return sequence(tbs, algorithm, bitString(await authority.signer.sign(tbs)));
}
