/** Why a CA key could not be opened or made. Messages name files and causes, never key material. */
export enum CaKeyErrorCode {
  /** The key file cannot be read (missing, permissions). */
  fileUnreadable = 'fileUnreadable',
  /** The key file is not an encrypted PKCS#8 PEM: CA keys are never stored in the clear. */
  notEncrypted = 'notEncrypted',
  /** No passphrase configured (PKI_CA_KEY_PASSPHRASE), or it does not decrypt the key. */
  wrongPassphrase = 'wrongPassphrase',
  /** A key type or size a CA may not have: EC P-256/P-384 or RSA ≥ 2048 only. */
  unsupportedKey = 'unsupportedKey',
  /** The key file already exists; creating a CA never overwrites a key. */
  fileExists = 'fileExists',
}

export class CaKeyError extends Error {
  constructor(
    readonly code: CaKeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaKeyError';
  }
}
