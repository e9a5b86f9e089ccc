/** Why a CSR was refused: one code per policy rule, so decisions can be counted and searched. */
export enum CsrRefusalCode {
  /** More than the 5,500 characters OCPP sizes the csr field at. */
  tooLarge = 'tooLarge',
  /** Not one PEM CERTIFICATE REQUEST holding a PKCS#10 structure. */
  unparsable = 'unparsable',
  /** Signed with an algorithm outside SHA-2 RSA/ECDSA (e.g. SHA-1, RSA-PSS). */
  unsupportedSignatureAlgorithm = 'unsupportedSignatureAlgorithm',
  /** The self-signature does not verify with the key the CSR carries. */
  badSignature = 'badSignature',
  /** A key type or curve we do not issue for (e.g. Ed25519, brainpool, explicit curve parameters). */
  unsupportedKey = 'unsupportedKey',
  /** RSA below 2048 bits or EC below 224 bits. */
  weakKey = 'weakKey',
  /** CN is not exactly the serial number registered for the station. */
  wrongCommonName = 'wrongCommonName',
  /** O is not exactly the configured operator organisation. */
  wrongOrganization = 'wrongOrganization',
  /** The CSR asks for basicConstraints cA=true: a station asking to become a CA. */
  caRequested = 'caRequested',
}

/** A refusal as recorded and reported: the rule that failed and what exactly was wrong. */
export interface CsrRefusal {
  readonly code: CsrRefusalCode;
  readonly message: string;
}

/** Builds a refusal value (refusals are values, not exceptions: refusing is an expected outcome). */
export function refusal(code: CsrRefusalCode, message: string): CsrRefusal {
  return { code, message };
}
