import { Problem } from '@app/runtime';

export enum RevocationErrorCode {
  /** No CA of ours issued a certificate with this serial. */
  certificateNotFound = 'certificate-not-found',
  /** Several of our CAs issued this serial: the caller must name the CA. */
  ambiguousSerial = 'ambiguous-serial',
  /** The certificate is revoked already; revocation is final. */
  alreadyRevoked = 'already-revoked',
  /** No such CA. */
  authorityNotFound = 'ca-not-found',
}

/** Why a revocation or a CRL cannot be made; the REST edge maps the code to an HTTP problem. */
export class RevocationError extends Error {
  constructor(
    readonly code: RevocationErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RevocationError';
  }
}

const STATUS: Readonly<Record<RevocationErrorCode, number>> = {
  [RevocationErrorCode.certificateNotFound]: 404,
  [RevocationErrorCode.ambiguousSerial]: 409,
  [RevocationErrorCode.alreadyRevoked]: 409,
  [RevocationErrorCode.authorityNotFound]: 404,
};

/** Runs `work`, turning a RevocationError into its problem answer: the one place its codes meet HTTP. */
export async function revocationAnswer<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof RevocationError)) throw error;
    throw new Problem({ status: STATUS[error.code], code: error.code, detail: error.message, extensions: error.details });
  }
}
