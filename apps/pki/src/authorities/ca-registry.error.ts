/** Why a CA could not be created, imported, found or activated. Messages never carry key material. */
export enum CaRegistryErrorCode {
  notFound = 'ca-not-found',
  nameTaken = 'ca-name-taken',
  /** A sub-CA's parent is missing, not a root of the matching chain, or expired. */
  invalidParent = 'invalid-parent',
  /** A root may not be activated (it signs sub-CAs only), nor may an expired CA. */
  notIssuing = 'not-issuing',
  /** The imported certificate is unreadable or not a CA certificate. */
  invalidCertificate = 'invalid-certificate',
  /** The imported key is not encrypted, not decrypted by PKI_CA_KEY_PASSPHRASE, a key a CA may not have, or not the certificate's key. */
  invalidKey = 'invalid-key',
  /** PKI_KEY_DIR or PKI_CA_KEY_PASSPHRASE is not configured: no file key can be made or opened. */
  keyStoreUnavailable = 'key-store-unavailable',
}

export class CaRegistryError extends Error {
  constructor(
    readonly code: CaRegistryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaRegistryError';
  }
}
