import type { KeyObject } from 'node:crypto';
import type { SignatureAlgorithm } from '../x509/signature-algorithms';

/**
 * What a CA needs from its private key, and nothing more: the key signs, it never leaves. The
 * file signer and a PKCS#11 (HSM) signer both fit behind this, so issuing code cannot tell them
 * apart and cannot leak key material, because it never holds any.
 */
export interface CaSigner {
  /** The algorithm every signature is made with; written into what is signed before signing. */
  readonly algorithm: SignatureAlgorithm;
  /** The CA's public key: goes into its certificate and identifies it (key identifiers, CertID). */
  readonly publicKey: KeyObject;
  /**
   * Signs `data` (a DER TBSCertificate or TBSCertList) and returns the signature as X.509 carries
   * it: PKCS#1 v1.5 for RSA, a DER ECDSA-Sig-Value for EC.
   */
  sign(data: Uint8Array): Promise<Buffer>;
}
