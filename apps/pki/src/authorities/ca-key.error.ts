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
  /** PKCS#11: the module (pkcs11js) or the token's library cannot be loaded. */
  libraryUnavailable = 'libraryUnavailable',
  /** PKCS#11: no token with the configured label is present. */
  tokenNotFound = 'tokenNotFound',
  /** PKCS#11: the user PIN was refused. */
  wrongPin = 'wrongPin',
  /** PKCS#11: no key pair (or more than one) carries the configured label. */
  keyNotFound = 'keyNotFound',
  /** PKCS#11: a key with that label already exists; creating a CA never replaces a key. */
  keyExists = 'keyExists',
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
